using System.Globalization;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// Reads what a request's form sent, field by field: what would change, or the message for staff next to the field
/// when it cannot be used. Nothing here changes the request; <see cref="LeadRequestService.UpdateAsync"/> applies
/// the changes only when no field has an error.
/// </summary>
internal static class LeadUpdateRules
{
    /// <summary>The format of a date field as browsers send it.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The status to move to, or null to keep the current one (the form's default choice).</summary>
    public static LeadStatus? ChosenStatus(ConsultationRequest request, LeadUpdate update, Dictionary<string, string> errors)
    {
        LeadStatus next;
        if (update.Intent == LeadUpdateIntent.MarkGenuine)
        {
            next = LeadStatus.New;
        }
        else if (string.IsNullOrEmpty(update.Status))
        {
            return null;
        }
        else if (!Enum.TryParse(update.Status, ignoreCase: false, out next) || !Enum.IsDefined(next) || int.TryParse(update.Status, out _))
        {
            errors[nameof(LeadUpdate.Status)] = "Choose a status from the list.";
            return null;
        }

        if (next == request.Status)
        {
            return null; // already there (marked genuine by someone else, say): nothing to do
        }

        if (!LeadWorkflow.CanMove(request.Status, next))
        {
            errors[nameof(LeadUpdate.Status)] = $"A request that is {LeadWorkflow.Label(request.Status)} cannot become {LeadWorkflow.Label(next)}. Choose one of the moves listed.";
            return null;
        }

        return next;
    }

    /// <summary>The note to add, trimmed; empty when none was written (not an error: the form does more than notes).</summary>
    public static string Note(LeadUpdate update, Dictionary<string, string> errors)
    {
        var note = update.Note?.Trim() ?? "";
        if (note.Length > LeadNote.TextMaxLength)
        {
            errors[nameof(LeadUpdate.Note)] = $"The note is {note.Length:N0} characters long: shorten it to {LeadNote.TextMaxLength:N0} or fewer.";
        }

        return note;
    }

    /// <summary>The new follow-up day (On: null clears it), or null when the field was left as it was shown.</summary>
    public static FollowUpChange? ChosenFollowUp(ConsultationRequest request, LeadUpdate update, Dictionary<string, string> errors)
    {
        if (update.FollowUpOn is null)
        {
            return null; // not sent: left as it is
        }

        var typed = update.FollowUpOn.Trim();
        DateOnly? chosen = null;
        if (typed.Length > 0)
        {
            if (!DateOnly.TryParseExact(typed, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                errors[nameof(LeadUpdate.FollowUpOn)] = "Enter the follow-up date as a date, for example 2027-01-15.";
                return null;
            }

            chosen = day;
        }

        var shown = update.FollowUpOnWas is null ? request.FollowUpOn
            : DateOnly.TryParseExact(update.FollowUpOnWas, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var was) ? was : null;
        return chosen == shown || chosen == request.FollowUpOn ? null : new FollowUpChange(chosen);
    }

    public sealed record FollowUpChange(DateOnly? On);
}
