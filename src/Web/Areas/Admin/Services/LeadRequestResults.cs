namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>A request as staff read it, with the language it was made in and the notice exactly as the person accepted it.</summary>
public sealed record LeadDetails(
    string Reference, string FullName, LeadStatus Status, string? Phone, string? Email,
    ContactLanguage PreferredLanguage, ContactMethod ContactMethod, Urgency Urgency, DateOnly? CourtDate,
    string Description, DateTime CreatedAt, string SourcePage, string AcknowledgedNoticeVersion,
    SpamVerdict SpamVerdict, string? AssignedToId, DateOnly? FollowUpOn,
    string SourceCulture, string AcknowledgedNoticeCulture, string AcknowledgedNoticeText)
{
    public static LeadDetails Of(ConsultationRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Reference, r.FullName, r.Status, r.Phone, r.Email, r.PreferredLanguage, r.ContactMethod, r.Urgency,
            r.CourtDate, r.Description, r.CreatedAt, r.SourcePage, r.AcknowledgedNoticeVersion, r.SpamVerdict,
            r.AssignedToId, r.FollowUpOn, r.SourceCulture, r.AcknowledgedNoticeCulture, r.AcknowledgedNoticeText);
    }
}

/// <summary>One entry of a request's timeline: a note, or a change someone made.</summary>
public sealed record LeadTimelineEntry(DateTime At, string AuthorName, LeadNoteKind Kind, string Text);

public sealed record StaffOption(string Id, string Name);

public sealed record LeadDetail(
    LeadDetails Request,
    string? PracticeAreaName,
    IReadOnlyList<LeadTimelineEntry> Timeline,
    IReadOnlyList<LeadSummary> PossibleEarlierContacts,
    IReadOnlyList<StaffOption> Staff,
    bool Urgent);

public enum LeadActionOutcome
{
    Done = 0,
    Invalid = 1,
    NotFound = 2,
}

/// <summary>What a change to a request came to: done, refused with a message for staff, or no such request.</summary>
public sealed record LeadActionResult(LeadActionOutcome Outcome, string? Message = null)
{
    public static LeadActionResult Done { get; } = new(LeadActionOutcome.Done);

    public static LeadActionResult NotFound { get; } = new(LeadActionOutcome.NotFound);

    public static LeadActionResult Invalid(string message) => new(LeadActionOutcome.Invalid, message);
}
