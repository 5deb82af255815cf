using System.Text;
using Microsoft.AspNetCore.Authorization;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// The leads inbox: consultation requests to review, triage and follow up. Staff may quarantine a request (move it
/// to Spam) but only the Attorney deletes one, singly or from the quarantine in bulk. GET is also answered for HEAD
/// (<see cref="HeadAsGetConvention"/>); a HEAD changes nothing (no read mark, no audit line).
/// </summary>
[Route("admin/leads")]
public sealed class LeadsController(
    LeadInboxService inbox, LeadRequestService leads, LeadExportService export, TimeProvider clock) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] LeadFilter filter)
    {
        filter.Q = null; // a search term never travels in a URL
        return View(await InboxAsync(filter));
    }

    /// <summary>Search is posted, so that names and phone numbers never appear in addresses or server logs.</summary>
    [HttpPost("search")]
    public async Task<IActionResult> Search([FromForm] LeadFilter filter) => View(nameof(Index), await InboxAsync(filter));

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] LeadFilter filter)
    {
        filter.Q = null;
        return CsvFile(await export.ExportCsvAsync(filter.ToQuery(), filter.QueryString(), User, record: !IsHead));
    }

    [HttpPost("export")]
    public async Task<IActionResult> ExportSearch([FromForm] LeadFilter filter) =>
        CsvFile(await export.ExportCsvAsync(filter.ToQuery(), filter.QueryString(), User));

    [HttpGet("{reference}")]
    public async Task<IActionResult> Show(string reference)
    {
        if (!ConsultationReference.IsValid(reference))
        {
            return NotFound();
        }

        var detail = await leads.DetailAsync(reference, User, recordView: !IsHead);
        return detail is null ? NotFound() : View(new LeadDetailScreen(detail, CanDelete: User.IsInRole(StaffRoles.Attorney)));
    }

    [HttpPost("{reference}/status")]
    public Task<IActionResult> Status(string reference, string? status) => ActAsync(reference, () => leads.ChangeStatusAsync(reference, status, User), "Status changed.");

    [HttpPost("{reference}/note")]
    public Task<IActionResult> Note(string reference, string? text) => ActAsync(reference, () => leads.AddNoteAsync(reference, text, User), "Note added.");

    [HttpPost("{reference}/assign")]
    public Task<IActionResult> Assign(string reference, string? staffId) => ActAsync(reference, () => leads.AssignAsync(reference, staffId, User), "Assignment saved.");

    [HttpPost("{reference}/follow-up")]
    public Task<IActionResult> FollowUp(string reference, string? date) => ActAsync(reference, () => leads.SetFollowUpAsync(reference, date, User), "Follow-up date saved.");

    [HttpPost("{reference}/genuine")]
    public Task<IActionResult> Genuine(string reference) =>
        ActAsync(reference, () => leads.ChangeStatusAsync(reference, nameof(LeadStatus.New), User), "Marked as genuine: the request is in the inbox as New.");

    [HttpPost("{reference}/unread")]
    public async Task<IActionResult> Unread(string reference)
    {
        if (!ConsultationReference.IsValid(reference) || !await leads.MarkUnreadAsync(reference))
        {
            return NotFound();
        }

        TempData["Message"] = $"{reference} is marked unread.";
        return Redirect("/admin/leads");
    }

    /// <summary>Permanent deletion, by the Attorney only, after ticking the confirmation.</summary>
    [HttpPost("{reference}/delete")]
    [Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
    public async Task<IActionResult> Delete(string reference, string? confirm)
    {
        if (!ConsultationReference.IsValid(reference))
        {
            return NotFound();
        }

        if (confirm != "yes")
        {
            TempData["Message"] = "Not deleted: tick the box to confirm the permanent deletion.";
            return Redirect($"/admin/leads/{reference}");
        }

        if (!await leads.DeleteAsync(reference, User))
        {
            return NotFound();
        }

        TempData["Message"] = $"{reference} was deleted permanently.";
        return Redirect("/admin/leads");
    }

    /// <summary>Permanent deletion of quarantined requests, by the Attorney only: Staff can quarantine a genuine request, not destroy it.</summary>
    [HttpPost("spam/delete")]
    [Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
    public async Task<IActionResult> DeleteSpam(string[]? references)
    {
        var chosen = (references ?? []).Where(ConsultationReference.IsValid).Distinct().ToList();
        var deleted = chosen.Count == 0 ? 0 : await leads.DeleteSpamAsync(chosen, User);
        TempData["Message"] = deleted == 0 ? "Tick the requests to delete first." : $"{deleted} suspected spam request(s) deleted.";
        return Redirect("/admin/leads?view=spam");
    }

    private bool IsHead => HttpMethods.IsHead(Request.Method);

    private async Task<LeadInboxScreen> InboxAsync(LeadFilter filter)
    {
        filter.Page = Math.Clamp(filter.Page, 1, 100_000);
        return new LeadInboxScreen(filter, await inbox.InboxAsync(filter.ToQuery())) { CanDelete = User.IsInRole(StaffRoles.Attorney) };
    }

    private async Task<IActionResult> ActAsync(string reference, Func<Task<LeadActionResult>> action, string done)
    {
        if (!ConsultationReference.IsValid(reference))
        {
            return NotFound();
        }

        var result = await action();
        if (result.Outcome == LeadActionOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["Message"] = result.Message ?? done;
        return Redirect($"/admin/leads/{reference}");
    }

    private FileContentResult CsvFile(string csv) =>
        File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
            $"consultation-requests-{clock.GetUtcNow():yyyy-MM-dd}.csv");
}
