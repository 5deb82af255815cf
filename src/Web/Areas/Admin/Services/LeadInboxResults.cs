namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// What the inbox is asked for, parsed from the filters (<see cref="Models.LeadFilter"/>): a view ("spam",
/// "needs-response" or the ordinary inbox), filters, the posted search and the page.
/// </summary>
public sealed record LeadQuery(
    string? View, LeadStatus? Status, string? Area, ContactLanguage? Language, bool Urgent,
    DateOnly? From, DateOnly? To, string? Search, bool UrgentFirst = false, int Page = 1);

/// <summary>A practice area as the inbox names it, by the key a request carries.</summary>
public sealed record LeadArea(string Key, string Name);

/// <summary>One request in a list: the inbox, or the possible earlier contacts of a request.</summary>
public sealed record LeadSummary(
    string Reference, string FullName, LeadStatus Status, bool Urgent, string? Urgency, string? PracticeArea,
    ContactLanguage Language, DateTime CreatedAt, bool IsUnread, string? AssignedTo, SpamVerdict SpamVerdict)
{
    /// <summary>The language of the page the request was made on ("es"); empty where a list does not say.</summary>
    public string SourceCulture { get; init; } = "";
}

public sealed record LeadInboxPage(
    IReadOnlyList<LeadSummary> Rows,
    int Total,
    IReadOnlyDictionary<LeadStatus, int> CountsByStatus,
    int NeedsResponseCount,
    IReadOnlyList<LeadArea> PracticeAreas,
    DateTime Now,
    int PageSize,
    bool SearchCapped);

/// <summary>An open request that retention will delete for inactivity, and the day it will.</summary>
public sealed record ExpiringLead(string Reference, string FullName, LeadStatus Status, DateOnly DeletedOn);
