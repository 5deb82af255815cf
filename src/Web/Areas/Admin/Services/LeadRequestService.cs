using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PiriSite.Data.Identity;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// One consultation request: reading it (which marks it read and is audited, by reference, never by content) and
/// what staff do with it: move it along the pipeline, note, assign, set a follow-up date, mark unread, delete.
/// Every change is written to the request's timeline with who and when.
/// </summary>
public sealed class LeadRequestService(
    SiteDbContext db,
    UserManager<StaffUser> users,
    AuditLog audit,
    LeadPurge purge,
    TimeProvider clock)
{
    /// <param name="recordView">
    /// False for a HEAD request: it is answered like GET, but nobody reads the page, so it is neither marked read
    /// nor written to the audit log as viewed.
    /// </param>
    public async Task<LeadDetail?> DetailAsync(string reference, ClaimsPrincipal actor, bool recordView = true)
    {
        var request = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Reference == reference);
        if (request is null)
        {
            return null;
        }

        if (recordView)
        {
            // The read mark and the audit line are saved together.
            request.MarkRead();
            audit.Add(actor, "Consultation request viewed", request.Reference);
            await db.SaveChangesAsync();
        }

        var timeline = await db.LeadNotes.AsNoTracking().Where(n => n.ConsultationRequestId == request.Id)
            .OrderByDescending(n => n.At).ThenByDescending(n => n.Id)
            .Select(n => new LeadTimelineEntry(n.At, n.AuthorName, n.Kind, n.Text)).ToListAsync();
        var areas = await LeadQueries.PracticeAreasAsync(db);
        var staff = (await users.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync())
            .Where(u => !u.IsDisabled)
            .Select(u => new StaffOption(u.Id, u.ShownName)).ToList();
        return new LeadDetail(
            LeadDetails.Of(request),
            areas.FirstOrDefault(a => a.Key == request.PracticeAreaKey)?.Name,
            timeline,
            await LeadEarlierContacts.FindAsync(db, request),
            staff,
            LeadWorkflow.IsUrgent(request.Urgency, request.CourtDate, LeadQueries.FirmDay(clock.GetUtcNow().UtcDateTime)));
    }

    /// <summary>Moves a request along the pipeline; refused with a message when the move is not allowed.</summary>
    public async Task<LeadActionResult> ChangeStatusAsync(string reference, string? status, ClaimsPrincipal actor)
    {
        var request = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Reference == reference);
        if (request is null)
        {
            return LeadActionResult.NotFound;
        }

        if (!Enum.TryParse<LeadStatus>(status, out var next) || !Enum.IsDefined(next))
        {
            return LeadActionResult.Invalid("Choose a status from the list.");
        }

        var previous = request.Status;
        if (!request.MoveTo(next, clock.GetUtcNow().UtcDateTime))
        {
            return LeadActionResult.Invalid($"A request that is {LeadWorkflow.Label(previous)} cannot become {LeadWorkflow.Label(next)}.");
        }

        audit.Add(actor, "Consultation request status changed", request.Reference, $"{previous} → {next}");
        await AddTimelineAsync(request.Id, LeadNoteKind.StatusChange, $"{LeadWorkflow.Label(previous)} → {LeadWorkflow.Label(next)}", actor);
        return LeadActionResult.Done;
    }

    public async Task<LeadActionResult> AddNoteAsync(string reference, string? text, ClaimsPrincipal actor)
    {
        var note = text?.Trim() ?? "";
        if (note.Length == 0)
        {
            return LeadActionResult.Invalid("Write the note first.");
        }

        if (note.Length > LeadNote.TextMaxLength)
        {
            return LeadActionResult.Invalid($"Shorten the note to {LeadNote.TextMaxLength:N0} characters or fewer.");
        }

        var id = await db.ConsultationRequests.Where(r => r.Reference == reference).Select(r => (int?)r.Id).SingleOrDefaultAsync();
        if (id is null)
        {
            return LeadActionResult.NotFound;
        }

        await AddTimelineAsync(id.Value, LeadNoteKind.Note, note, actor);
        return LeadActionResult.Done;
    }

    public async Task<LeadActionResult> AssignAsync(string reference, string? staffId, ClaimsPrincipal actor)
    {
        var request = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Reference == reference);
        if (request is null)
        {
            return LeadActionResult.NotFound;
        }

        var assignee = string.IsNullOrEmpty(staffId) ? null : await users.FindByIdAsync(staffId);
        if (!string.IsNullOrEmpty(staffId) && assignee is null)
        {
            return LeadActionResult.Invalid("Choose a member of staff from the list.");
        }

        request.AssignTo(assignee?.Id, assignee?.ShownName);
        await AddTimelineAsync(request.Id, LeadNoteKind.Assignment, request.AssignedToName is null ? "Unassigned" : $"Assigned to {request.AssignedToName}", actor);
        return LeadActionResult.Done;
    }

    public async Task<LeadActionResult> SetFollowUpAsync(string reference, string? date, ClaimsPrincipal actor)
    {
        DateOnly? followUp = null;
        if (!string.IsNullOrWhiteSpace(date))
        {
            if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return LeadActionResult.Invalid("Enter the follow-up date as a date, for example 2027-01-15.");
            }

            followUp = parsed;
        }

        var request = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Reference == reference);
        if (request is null)
        {
            return LeadActionResult.NotFound;
        }

        request.SetFollowUp(followUp);
        await AddTimelineAsync(request.Id, LeadNoteKind.FollowUp, followUp is { } on ? $"Follow up on {on:MMMM d, yyyy}" : "Follow-up date cleared", actor);
        return LeadActionResult.Done;
    }

    public async Task<bool> MarkUnreadAsync(string reference)
    {
        var request = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Reference == reference);
        if (request is null)
        {
            return false;
        }

        request.MarkUnread();
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Permanent deletion of one request, whatever its status (the Attorney's alone: see the controller).</summary>
    public async Task<bool> DeleteAsync(string reference, ClaimsPrincipal actor)
    {
        var deleted = await purge.DeleteAsync(r => r.Reference == reference,
            references => audit.RecordAsync(actor, "Consultation request deleted", references[0]));
        return deleted.Count > 0;
    }

    /// <summary>Deletes the chosen requests that are still in quarantine; the audit names the ones really deleted.</summary>
    public async Task<int> DeleteSpamAsync(IReadOnlyCollection<string> references, ClaimsPrincipal actor)
    {
        var deleted = await purge.DeleteAsync(r => r.Status == LeadStatus.Spam && references.Contains(r.Reference),
            async deleted =>
            {
                foreach (var details in LeadPurge.AuditDetails(deleted))
                {
                    await audit.RecordAsync(actor, "Suspected spam deleted", $"{deleted.Count} request(s)", details);
                }
            });
        return deleted.Count;
    }

    // Adds the entry and saves: with it, the change made to the tracked request and any audit entry added.
    private async Task AddTimelineAsync(int requestId, LeadNoteKind kind, string text, ClaimsPrincipal actor)
    {
        var user = await users.GetUserAsync(actor);
        db.LeadNotes.Add(new LeadNote
        {
            ConsultationRequestId = requestId,
            At = clock.GetUtcNow().UtcDateTime,
            AuthorId = user?.Id,
            AuthorName = StaffUser.ShownNameOf(user, actor),
            Kind = kind,
            Text = text,
        });
        await db.SaveChangesAsync();
    }
}
