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

    /// <summary>
    /// Permanent deletion of quarantined requests, by the Attorney only: Staff can quarantine a genuine request, not
    /// destroy it. The first press shows what will go (<see cref="ConfirmationScreen"/>); only its confirming
    /// form, posted again with <c>confirmed=true</c>, deletes.
    /// </summary>
    [HttpPost("spam/delete")]
    [Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
    public async Task<IActionResult> DeleteSpam(string[]? references, bool confirmed = false)
    {
        var chosen = (references ?? []).Where(ConsultationReference.IsValid).Distinct().ToList();
        var quarantined = chosen.Count == 0 ? [] : await inbox.QuarantinedAsync(chosen);
        if (quarantined.Count == 0)
        {
            TempData["Message"] = chosen.Count == 0 ? "Tick the requests to delete first."
                : "Nothing was deleted: those requests are no longer in the quarantine.";
            return Redirect(SpamList);
        }

        if (!confirmed)
        {
            return View("Confirm", SpamDeletion(quarantined));
        }

        var deleted = await leads.DeleteSpamAsync(quarantined.Select(q => q.Reference).ToList(), User);
        TempData["Message"] = $"{deleted} suspected spam request{(deleted == 1 ? "" : "s")} deleted.";
        return Redirect(SpamList);
    }

    private const string SpamList = "/admin/leads?view=spam";

    private static ConfirmationScreen SpamDeletion(IReadOnlyList<QuarantinedLead> quarantined)
    {
        var one = quarantined.Count == 1;
        var count = one ? "1 request" : $"{quarantined.Count} requests";
        return new ConfirmationScreen(
            $"Delete {count} permanently?",
            [
                one ? "The request below is deleted with its notes and emails. This cannot be undone."
                    : $"The {count} below are deleted with their notes and emails. This cannot be undone.",
                one ? "If it is from a real person, keep it and mark the request as genuine instead."
                    : "If one of them is from a real person, keep them and mark that request as genuine instead.",
            ],
            "/admin/leads/spam/delete",
            quarantined.Select(q => new KeyValuePair<string, string>("references", q.Reference)).ToList(),
            $"Delete {count} permanently",
            SpamList,
            "Keep them")
        {
            Items = quarantined.Select(q => $"{q.Reference}: {q.FullName} ({SpamVerdicts.Label(q.SpamVerdict)})").ToList(),
        };
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
