namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// What the inbox is asked for, parsed from the filters (<see cref="Models.LeadFilter"/>): a view ("spam",
/// "needs-response", "follow-ups" or the ordinary inbox), filters, the posted search, the order and the page.
/// The order is urgent first (<see cref="LeadInboxOrder"/>) unless <paramref name="NewestFirst"/>.
/// </summary>
public sealed record LeadQuery(
    string? View, LeadStatus? Status, string? Area, ContactLanguage? Language, bool Urgent,
    DateOnly? From, DateOnly? To, string? Search, bool NewestFirst = false, int Page = 1);

/// <summary>A practice area as the inbox names it, by the key a request carries.</summary>
public sealed record LeadArea(string Key, string Name);

/// <summary>One request in a list: the inbox, or the possible earlier contacts of a request.</summary>
/// <param name="Urgent">Open and urgent today: the inbox marks it and lifts it to the top.</param>
/// <param name="Urgency">The urgency in words ("Someone detained"); null when there is none.</param>
public sealed record LeadSummary(
    string Reference, string FullName, LeadStatus Status, bool Urgent, string? Urgency, string? PracticeArea,
    ContactLanguage Language, DateTime CreatedAt, bool IsUnread, string? AssignedTo, SpamVerdict SpamVerdict)
{
    /// <summary>The language of the page the request was made on ("es"); empty where a list does not say.</summary>
    public string SourceCulture { get; init; } = "";

    /// <summary>The day to follow it up, if someone set one.</summary>
    public DateOnly? FollowUpOn { get; init; }
}

public sealed record LeadInboxPage(
    IReadOnlyList<LeadSummary> Rows,
    int Total,
    IReadOnlyDictionary<LeadStatus, int> CountsByStatus,
    int NeedsResponseCount,
    IReadOnlyList<LeadArea> PracticeAreas,
    DateTime Now,
    int PageSize,
    bool SearchCapped)
{
    /// <summary>Open requests whose follow-up day has come (today or earlier).</summary>
    public int FollowUpsDueCount { get; init; }

    /// <summary>The firm's calendar day: a follow-up date before it is overdue.</summary>
    public DateOnly Today { get; init; }
}

/// <summary>An open request that retention will delete for inactivity, and the day it will.</summary>
public sealed record ExpiringLead(string Reference, string FullName, LeadStatus Status, DateOnly DeletedOn);

/// <summary>A request in the quarantine, as the confirmation of a bulk deletion lists it.</summary>
public sealed record QuarantinedLead(string Reference, string FullName, SpamVerdict SpamVerdict);
