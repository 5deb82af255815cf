using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Audit;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// One consultation request: reading it (which marks it read and is audited, by reference, never by content) and
/// what staff do with it in its one form: move it along the pipeline, note, assign, set a follow-up date, mark it
/// unread or genuine, all saved together or not at all; and the Attorney's deletion. Every change is written to the
/// request's timeline with who and when, and to the audit log by kind (never a note's words).
/// </summary>
public sealed class LeadRequestService(
    SiteDbContext db,
    UserManager<StaffUser> users,
    AuditLog audit,
    LeadPurge purge,
    TimeProvider clock)
{
    /// <param name="recordView">
    /// False for a HEAD request (nobody reads the page) and for a form shown again with its errors (the person was
    /// already reading it): the request is neither marked read nor written to the audit log as viewed.
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
            audit.Add(actor, AuditActions.ConsultationRequestViewed, request.Reference);
            await db.SaveChangesAsync();
        }

        var accounts = await users.Users.AsNoTracking().ToListAsync();
        var names = accounts.ToDictionary(u => u.Id, u => u.ShownName);
        var timeline = (await db.LeadNotes.AsNoTracking().Where(n => n.ConsultationRequestId == request.Id)
                .OrderByDescending(n => n.At).ThenByDescending(n => n.Id).ToListAsync())
            // Named as the author is named now (an entry keeps the name it was written with for a deleted account).
            .Select(n => new LeadTimelineEntry(n.At, n.AuthorId is { } id && names.TryGetValue(id, out var name) ? name : n.AuthorName, n.Kind, n.Text))
            .ToList();
        var areas = await LeadQueries.PracticeAreasAsync(db);
        // A disabled account is offered only while it holds the request, so that saving the form does not unassign it.
        var staff = accounts.Where(u => !u.IsDisabled || u.Id == request.AssignedToId)
            .Select(u => new StaffOption(u.Id, names[u.Id], u.IsDisabled))
            .OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var today = LeadQueries.FirmDay(clock.GetUtcNow().UtcDateTime);
        var notice = await db.ConsultationNoticeVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == request.NoticeVersionId);
        return new LeadDetail(
            LeadDetails.Of(request, notice),
            areas.FirstOrDefault(a => a.Key == request.PracticeAreaKey)?.Name,
            timeline,
            await LeadEarlierContacts.FindAsync(db, request),
            staff,
            LeadWorkflow.IsUrgent(request.Urgency, request.CourtDate, today),
            today);
    }

    /// <summary>
    /// Applies everything the form sent in one save, with its timeline entries and audit lines; or, when any of it
    /// is wrong, saves nothing and says what is wrong, field by field.
    /// </summary>
    public async Task<LeadUpdateResult> UpdateAsync(string reference, LeadUpdate update, ClaimsPrincipal actor)
    {
        ArgumentNullException.ThrowIfNull(update);
        var request = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Reference == reference);
        if (request is null)
        {
            return LeadUpdateResult.NotFound;
        }

        var errors = new Dictionary<string, string>();
        var status = LeadUpdateRules.ChosenStatus(request, update, errors);
        var note = LeadUpdateRules.Note(update, errors);
        var followUp = LeadUpdateRules.ChosenFollowUp(request, update, errors);
        var assignment = await ChosenAssigneeAsync(request, update, errors);
        if (errors.Count > 0)
        {
            return LeadUpdateResult.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var author = await users.GetUserAsync(actor);
        var changes = new List<string>();
        void Record(LeadNoteKind kind, string text, string action, string? details, string change)
        {
            db.LeadNotes.Add(new LeadNote
            {
                ConsultationRequestId = request.Id,
                At = now,
                AuthorId = author?.Id,
                AuthorName = StaffUser.ShownNameOf(author, actor),
                Kind = kind,
                Text = text,
            });
            // By reference and kind of change only: never the words of a note, never the person's details.
            audit.Add(actor, action, request.Reference, details);
            changes.Add(change);
        }

        if (status is { } next)
        {
            var previous = request.Status;
            request.MoveTo(next, now); // allowed: ChosenStatus checked the move
            var move = $"{LeadWorkflow.Label(previous)} → {LeadWorkflow.Label(next)}";
            Record(LeadNoteKind.StatusChange, move, "Consultation request status changed", move,
                previous == LeadStatus.Spam && next == LeadStatus.New ? "marked as genuine (New)" : $"status changed to {LeadWorkflow.Label(next)}");
        }

        if (assignment is { To: var assignee })
        {
            request.AssignTo(assignee?.Id, assignee?.ShownName);
            Record(LeadNoteKind.Assignment, assignee is null ? "Unassigned" : $"Assigned to {request.AssignedToName}",
                assignee is null ? "Consultation request unassigned" : "Consultation request assigned", null,
                assignee is null ? "now assigned to nobody" : "assignment changed");
        }

        if (followUp is { On: var day })
        {
            request.SetFollowUp(day);
            Record(LeadNoteKind.FollowUp, day is { } on ? $"Follow up on {on.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}" : "Follow-up date cleared",
                day is null ? "Consultation request follow-up date cleared" : "Consultation request follow-up date set", null,
                day is null ? "follow-up date cleared" : "follow-up date set");
        }

        if (note.Length > 0)
        {
            Record(LeadNoteKind.Note, note, "Consultation request note added", null, "note added");
        }

        var markUnread = update.Intent == LeadUpdateIntent.MarkUnread;
        if (markUnread)
        {
            request.MarkUnread();
        }

        if (changes.Count > 0 || markUnread)
        {
            await db.SaveChangesAsync();
        }

        return LeadUpdateResult.Saved(changes);
    }

    /// <summary>The request's reference and name, for the question before its deletion; null if there is no such request.</summary>
    public async Task<string?> NameAsync(string reference) =>
        await db.ConsultationRequests.AsNoTracking().Where(r => r.Reference == reference).Select(r => r.FullName).SingleOrDefaultAsync();

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

    // The assignment chosen when the field was changed (To: null for nobody), or null when it was left as shown.
    private async Task<Assignment?> ChosenAssigneeAsync(ConsultationRequest request, LeadUpdate update, Dictionary<string, string> errors)
    {
        if (update.AssignedTo is null)
        {
            return null; // not sent: left as it is
        }

        var chosen = update.AssignedTo.Length == 0 ? null : update.AssignedTo;
        var shown = update.AssignedToWas is null ? request.AssignedToId : update.AssignedToWas.Length == 0 ? null : update.AssignedToWas;
        if (chosen == shown || chosen == request.AssignedToId)
        {
            return null;
        }

        if (chosen is null)
        {
            return new Assignment(null);
        }

        var assignee = await users.FindByIdAsync(chosen);
        if (assignee is null || assignee.IsDisabled)
        {
            errors[nameof(LeadUpdate.AssignedTo)] = "Choose a member of staff from the list.";
            return null;
        }

        return new Assignment(assignee);
    }

    private sealed record Assignment(StaffUser? To);
}
