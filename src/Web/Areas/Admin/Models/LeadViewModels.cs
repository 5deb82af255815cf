using PiriSite.Web.Areas.Admin.Services;

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

    /// <summary>What the inbox service is asked for.</summary>
    public LeadQuery ToQuery() => new(View, StatusValue, Area, LanguageValue, Urgent, From, To, Q, Sort == "urgent", Page);

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

/// <summary>The inbox: the filters as asked, and the page of requests they select.</summary>
public sealed record LeadInboxScreen(LeadFilter Filter, LeadInboxPage Inbox)
{
    /// <summary>Only the Attorney deletes; Staff see the quarantine without the delete button.</summary>
    public bool CanDelete { get; init; }

    public int PageCount => Math.Max(1, (Inbox.Total + Inbox.PageSize - 1) / Inbox.PageSize);
}
