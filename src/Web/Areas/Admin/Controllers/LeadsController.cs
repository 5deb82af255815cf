using System.Text;
using Microsoft.AspNetCore.Authorization;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// The leads inbox: the lists of consultation requests to review and triage, their search and export, and the
/// quarantine's bulk deletion (the Attorney only). One request's page is <see cref="LeadRequestsController"/>.
/// GET is also answered for HEAD (<see cref="HeadAsGetConvention"/>); a HEAD changes nothing (no audit line).
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

    private FileContentResult CsvFile(string csv) =>
        File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
            $"consultation-requests-{clock.GetUtcNow():yyyy-MM-dd}.csv");
}
