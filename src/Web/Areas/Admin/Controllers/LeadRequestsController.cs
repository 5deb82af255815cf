using PiriSite.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// One consultation request: its page, and what staff do with it. Staff may quarantine a request (move it to Spam)
/// but only the Attorney deletes one. GET is also answered for HEAD (<see cref="HeadAsGetConvention"/>); a HEAD
/// changes nothing (no read mark, no audit line).
/// </summary>
[Route("admin/leads")]
public sealed class LeadRequestsController(LeadRequestService leads) : AdminController
{
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

    private bool IsHead => HttpMethods.IsHead(Request.Method);

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
}
