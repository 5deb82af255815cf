using PiriSite.Domain.Consultations;

namespace PiriSite.Web.Areas.Admin.Models;

/// <summary>
/// The inbox filters. They live in the query string, so a view can be bookmarked; the free-text search does
/// not (it may be a person's name), so it is posted, never put in a URL.
/// </summary>
public sealed class LeadFilter
{
    public string? Status { get; set; }
    public string? Area { get; set; }
    public string? Language { get; set; }
    public bool Urgent { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>"needs-response" or "spam"; anything else is the ordinary inbox.</summary>
    public string? View { get; set; }

    /// <summary>"urgent" puts urgent requests first; otherwise newest first.</summary>
    public string? Sort { get; set; }

    public int Page { get; set; } = 1;

    /// <summary>Posted only (see above).</summary>
    public string? Q { get; set; }

    public LeadStatus? StatusValue => Enum.TryParse<LeadStatus>(Status, out var status) && Enum.IsDefined(status) ? status : null;

    public ContactLanguage? LanguageValue => Enum.TryParse<ContactLanguage>(Language, out var language) && Enum.IsDefined(language) ? language : null;

    /// <summary>The query string for these filters (never the search text), optionally on another page.</summary>
    public string QueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("status", StatusValue?.ToString());
        Add("area", Area);
        Add("language", LanguageValue?.ToString());
        Add("urgent", Urgent ? "true" : null);
        Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("view", View);
        Add("sort", Sort);
        Add("page", (page ?? Page) > 1 ? (page ?? Page).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

public sealed record LeadRow(
    string Reference, string FullName, LeadStatus Status, bool Urgent, string? Urgency, string? PracticeArea,
    ContactLanguage Language, DateTime CreatedAt, bool IsUnread, string? AssignedTo, SpamVerdict SpamVerdict);

public sealed record LeadInboxScreen(
    LeadFilter Filter,
    IReadOnlyList<LeadRow> Rows,
    int Total,
    IReadOnlyDictionary<LeadStatus, int> CountsByStatus,
    int NeedsResponseCount,
    IReadOnlyList<PiriSite.Web.ViewModels.PracticeAreaOption> PracticeAreas,
    DateTime Now,
    int PageSize,
    bool SearchCapped = false)
{
    /// <summary>Only the Attorney deletes; Staff see the quarantine without the delete button.</summary>
    public bool CanDelete { get; init; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record StaffOption(string Id, string Name);

public sealed record LeadDetailScreen(
    ConsultationRequest Request,
    string? PracticeAreaName,
    IReadOnlyList<LeadNote> Timeline,
    IReadOnlyList<LeadRow> PossibleEarlierContacts,
    IReadOnlyList<StaffOption> Staff,
    bool Urgent,
    bool CanDelete);

/// <summary>An open request that retention will delete for inactivity, and the day it will.</summary>
public sealed record ExpiringLead(string Reference, string FullName, LeadStatus Status, DateOnly DeletedOn);
