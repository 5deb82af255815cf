namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>A request as staff read it, with the language it was made in and the notice exactly as the person accepted it.</summary>
public sealed record LeadDetails(
    string Reference, string FullName, LeadStatus Status, string? Phone, string? Email,
    ContactLanguage PreferredLanguage, ContactMethod ContactMethod, Urgency Urgency, DateOnly? CourtDate,
    string Description, DateTime CreatedAt, string SourcePage,
    SpamVerdict SpamVerdict, string? AssignedToId, DateOnly? FollowUpOn,
    string SourceCulture, ConsultationNoticeVersion? AcceptedNotice)
{
    /// <param name="notice">The version the request accepted (null only before the initialiser linked an older request).</param>
    public static LeadDetails Of(ConsultationRequest r, ConsultationNoticeVersion? notice)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Reference, r.FullName, r.Status, r.Phone, r.Email, r.PreferredLanguage, r.ContactMethod, r.Urgency,
            r.CourtDate, r.Description, r.CreatedAt, r.SourcePage, r.SpamVerdict,
            r.AssignedToId, r.FollowUpOn, r.SourceCulture, notice);
    }
}

/// <summary>One entry of a request's timeline: a note, or a change someone made, with its author's name as shown now.</summary>
public sealed record LeadTimelineEntry(DateTime At, string AuthorName, LeadNoteKind Kind, string Text);

/// <summary>A member of staff a request can be given to; a disabled account is listed only while it holds the request.</summary>
public sealed record StaffOption(string Id, string Name, bool Disabled = false);

public sealed record LeadDetail(
    LeadDetails Request,
    string? PracticeAreaName,
    IReadOnlyList<LeadTimelineEntry> Timeline,
    IReadOnlyList<LeadSummary> PossibleEarlierContacts,
    IReadOnlyList<StaffOption> Staff,
    bool Urgent,
    DateOnly Today)
{
    /// <summary>The name of the member of staff the request is given to, as staff are named now; null for nobody.</summary>
    public string? AssignedToName => Request.AssignedToId is { } id ? Staff.FirstOrDefault(s => s.Id == id)?.Name : null;

    /// <summary>An open request whose follow-up day has come (today) or passed (overdue).</summary>
    public bool FollowUpDue => Request.FollowUpOn is { } on && on <= Today && LeadWorkflow.IsOpen(Request.Status);
}

/// <summary>What the person pressed in the request's one form: everything typed is saved with any of them.</summary>
public enum LeadUpdateIntent
{
    Save = 0,
    MarkUnread = 1,
    MarkGenuine = 2,
}

/// <summary>
/// Everything the request's form sends, as typed: a field not sent (null) is left as it is, an empty one means
/// nobody or no date. <paramref name="AssignedToWas"/> and <paramref name="FollowUpOnWas"/> are the values the form
/// showed: a field left as it was changes nothing, even if someone else changed it meanwhile.
/// </summary>
public sealed record LeadUpdate(
    string? Status, string? Note, string? AssignedTo, string? FollowUpOn,
    string? AssignedToWas = null, string? FollowUpOnWas = null, LeadUpdateIntent Intent = LeadUpdateIntent.Save);

public enum LeadActionOutcome
{
    Done = 0,
    Invalid = 1,
    NotFound = 2,
}

/// <summary>
/// What an update came to: saved (with what changed, in words, the read mark aside; none means there was nothing
/// to save), refused with a message per form field (and nothing saved), or no such request.
/// </summary>
public sealed record LeadUpdateResult(LeadActionOutcome Outcome, IReadOnlyList<string> Changes, IReadOnlyDictionary<string, string> Errors)
{
    public static LeadUpdateResult NotFound { get; } = new(LeadActionOutcome.NotFound, [], new Dictionary<string, string>());

    public static LeadUpdateResult Saved(IReadOnlyList<string> changes) => new(LeadActionOutcome.Done, changes, new Dictionary<string, string>());

    public static LeadUpdateResult Invalid(IReadOnlyDictionary<string, string> errors) => new(LeadActionOutcome.Invalid, [], errors);
}
