using Microsoft.AspNetCore.Authorization;
using NetEscapades.AspNetCore.SecurityHeaders;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// The advertising archive, the Attorney's (the State Bar filings are the responsible attorney's): every publication
/// by page and date, each snapshot as the public saw it, two snapshots' text compared, and the filing record. A
/// snapshot itself is never edited or deleted here, nor anywhere: there is no such route.
/// </summary>
[Route("admin/advertising")]
[Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
public sealed class AdvertisingController(AdvertisingArchiveService archive, AdvertisingBulkFiling bulkFiling) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AdvertisingFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var page = await archive.ArchiveAsync(filter.ToQuery(), cancellationToken);
        var bulk = new BulkFilingForm { FiledOn = archive.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        return View(new AdvertisingIndexViewModel(filter, page) { Bulk = bulk });
    }

    /// <summary>One filing recorded for every change ticked in the "To file" list; refused, the list comes back as it was ticked.</summary>
    [HttpPost("filed")]
    public async Task<IActionResult> RecordBulkFiling(BulkFilingForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var outcome = await bulkFiling.RecordFiledAsync(form.Ids, form.FiledOnDay, form.Reference, User);
        if (outcome.Status == FilingStatus.Saved)
        {
            var count = form.Ids.Distinct().Count();
            TempData["Message"] = count == 1 ? "The filing was recorded for 1 change." : $"The filing was recorded for {count} changes.";
            return Redirect("/admin/advertising");
        }

        Response.StatusCode = outcome.Status == FilingStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        var filter = new AdvertisingFilter();
        var page = await archive.ArchiveAsync(filter.ToQuery(), cancellationToken);
        return View(nameof(Index), new AdvertisingIndexViewModel(filter, page) { Bulk = form, BulkErrors = outcome.Errors });
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken cancellationToken) =>
        await archive.DetailAsync(id, cancellationToken) is { } detail
            ? View(nameof(Show), new AdvertisingSnapshotScreen(detail, FilingForm.For(detail.Snapshot, archive.Today), []))
            : NotFound();

    /// <summary>The filing form posts to the snapshot's own page; a refused form comes back with what was typed.</summary>
    [HttpPost("{id:long}")]
    public async Task<IActionResult> RecordFiling(long id, FilingForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var outcome = await archive.RecordFilingAsync(id, form.ToSubmission(), User);
        switch (outcome.Status)
        {
            case FilingStatus.NotFound:
                return NotFound();
            case FilingStatus.Saved or FilingStatus.Unchanged:
                TempData["Message"] = outcome.Status == FilingStatus.Saved ? "The filing record was saved." : "Nothing changed: this snapshot already needs filing.";
                return Redirect($"/admin/advertising/{id}");
        }

        var detail = await archive.DetailAsync(id);
        if (detail is null)
        {
            return NotFound();
        }

        if (outcome.Status == FilingStatus.Conflict)
        {
            // What was typed stays; the form now stands on the record that is there, so that a second post can save.
            form.Shown = FilingForm.For(detail.Snapshot, archive.Today).Shown;
        }

        Response.StatusCode = outcome.Status == FilingStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Show), new AdvertisingSnapshotScreen(detail, form, outcome.Errors));
    }

    /// <summary>
    /// The page exactly as the public saw it, in a sandbox: its own scripts cannot run (the archive strips none, but the
    /// policy refuses them), and it has an opaque origin, so it can reach nothing of the staff area.
    /// </summary>
    [HttpGet("{id:long}/view")]
    [SecurityHeadersPolicy(SecurityHeaders.ArchivedPagePolicy)]
    public async Task<IActionResult> ViewArchived(long id, CancellationToken cancellationToken) =>
        await archive.HtmlAsync(id, cancellationToken) is { } page ? File(page.Html, "text/html; charset=utf-8") : NotFound();

    [HttpGet("{id:long}/download")]
    [SecurityHeadersPolicy(SecurityHeaders.ArchivedPagePolicy)]
    public async Task<IActionResult> Download(long id, CancellationToken cancellationToken) =>
        await archive.HtmlAsync(id, cancellationToken) is { } page ? File(page.Html, "text/html; charset=utf-8", page.FileName) : NotFound();

    /// <summary>Two captured snapshots of the same page in the same language; anything else is not found.</summary>
    [HttpGet("compare")]
    public async Task<IActionResult> Compare(long? from, long? to, CancellationToken cancellationToken)
    {
        if (from is not { } fromId || to is not { } toId
            || await archive.CompareAsync(fromId, toId, cancellationToken) is not { } comparison
            || await archive.DetailAsync(toId, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        return View(new AdvertisingCompareScreen(comparison, detail.Others));
    }
}
