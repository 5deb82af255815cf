using PiriSite.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// One consultation request: its page, and its one form, which saves everything typed in it together (status,
/// note, assignment, follow-up date, and "unread" or "genuine"), or nothing when any of it is wrong. Staff may
/// quarantine a request (move it to Spam) but only the Attorney deletes one, after a confirmation page. GET is also
/// answered for HEAD (<see cref="HeadAsGetConvention"/>); a HEAD changes nothing (no read mark, no audit line).
/// </summary>
[Route("admin/leads")]
public sealed class LeadRequestsController(LeadRequestService leads) : AdminController
{
    private const string SavedKey = "LeadSaved";
    private const string NothingChangedKey = "LeadNothingChanged";

    [HttpGet("{reference}")]
    public async Task<IActionResult> Show(string reference)
    {
        if (!ConsultationReference.IsValid(reference))
        {
            return NotFound();
        }

        var detail = await leads.DetailAsync(reference, User, recordView: !IsHead);
        if (detail is null)
        {
            return NotFound();
        }

        var saved = TempData[SavedKey] is string text ? new LeadSavedMessage(text, TempData[NothingChangedKey] is true) : null;
        return View(new LeadDetailScreen(detail, CanDelete, LeadUpdateForm.For(detail.Request)) { Saved = saved });
    }

    /// <summary>
    /// Saves the form. Refused (422) with the page shown again, everything typed kept and each message next to its
    /// field; saved, back to the form on the page (or to the inbox after "Mark as unread").
    /// </summary>
    [HttpPost("{reference}")]
    public async Task<IActionResult> Update(string reference, [FromForm] LeadUpdateForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ConsultationReference.IsValid(reference))
        {
            return NotFound();
        }

        var update = form.ToUpdate();
        var result = await leads.UpdateAsync(reference, update, User);
        if (result.Outcome == LeadActionOutcome.Invalid)
        {
            var detail = await leads.DetailAsync(reference, User, recordView: false);
            if (detail is null)
            {
                return NotFound();
            }

            var page = View("Show", new LeadDetailScreen(detail, CanDelete, form.WithUnsentFieldsFrom(detail.Request)) { Errors = result.Errors });
            page.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page;
        }

        if (result.Outcome == LeadActionOutcome.NotFound)
        {
            return NotFound();
        }

        // The reference and the kinds of change only: TempData is a cookie, and carries no one's details.
        var changes = result.Changes;
        if (update.Intent == LeadUpdateIntent.MarkUnread)
        {
            TempData["Message"] = changes.Count == 0 ? $"{reference} is marked unread." : $"{reference} is marked unread. Also saved: {string.Join(", ", changes)}.";
            return Redirect("/admin/leads");
        }

        TempData[SavedKey] = changes.Count == 0 ? "Nothing to save: nothing was changed or written." : $"Saved: {string.Join(", ", changes)}.";
        TempData[NothingChangedKey] = changes.Count == 0;
        return Redirect($"/admin/leads/{reference}#update");
    }

    /// <summary>
    /// Permanent deletion, by the Attorney only: asked without <see cref="ConfirmationScreen.ConfirmedField"/>, it
    /// answers with the confirmation page, whose form asks again with it.
    /// </summary>
    [HttpPost("{reference}/delete")]
    [Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
    public async Task<IActionResult> Delete(string reference, bool confirmed = false)
    {
        if (!ConsultationReference.IsValid(reference))
        {
            return NotFound();
        }

        if (!confirmed)
        {
            var name = await leads.NameAsync(reference);
            // The reference is in the list, not the heading, where a narrow screen would break it at its hyphen.
            return name is null ? NotFound() : View("Confirm", new ConfirmationScreen(
                "Delete this request permanently?",
                [
                    $"The request from {name}, its notes and its history are deleted, with the emails about it.",
                    "This cannot be undone: nobody can see it again, and the reference will find nothing.",
                    "To keep it but out of the way, cancel and change its status instead.",
                ],
                $"/admin/leads/{reference}/delete",
                [],
                "Delete this request permanently",
                $"/admin/leads/{reference}",
                "Cancel: keep the request")
            {
                Items = [$"{reference} · {name}"],
            });
        }

        if (!await leads.DeleteAsync(reference, User))
        {
            return NotFound();
        }

        TempData["Message"] = $"{reference} was deleted permanently.";
        return Redirect("/admin/leads");
    }

    private bool IsHead => HttpMethods.IsHead(Request.Method);

    private bool CanDelete => User.IsInRole(StaffRoles.Attorney);
}
