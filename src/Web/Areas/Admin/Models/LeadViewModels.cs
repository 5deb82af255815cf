using System.Globalization;
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

    /// <summary>"needs-response", "follow-ups" or "spam"; anything else is the ordinary inbox.</summary>
    public string? View { get; set; }

    /// <summary>"newest" lists newest first; otherwise urgent first (the default; "urgent" is still understood).</summary>
    public string? Sort { get; set; }

    public int Page { get; set; } = 1;

    /// <summary>Posted only (see above).</summary>
    public string? Q { get; set; }

    public LeadStatus? StatusValue => Enum.TryParse<LeadStatus>(Status, out var status) && Enum.IsDefined(status) ? status : null;

    public ContactLanguage? LanguageValue => Enum.TryParse<ContactLanguage>(Language, out var language) && Enum.IsDefined(language) ? language : null;

    public bool NewestFirst => Sort == "newest";

    /// <summary>The view asked for, when it is one the inbox has (an unknown one is the ordinary inbox).</summary>
    public string? ViewValue => View is LeadQueries.NeedsResponseView or LeadQueries.FollowUpsView or LeadQueries.SpamView ? View : null;

    /// <summary>A status only narrows the ordinary inbox: the other views choose their own requests.</summary>
    public bool HasStatusFilter => ViewValue is null && StatusValue is not null;

    /// <summary>Any filter applied (besides the view and the order): the filters are shown open, so people see them.</summary>
    public bool HasFilters => AppliedFilterCount > 0;

    public int AppliedFilterCount =>
        new[] { HasStatusFilter, !string.IsNullOrEmpty(Area), LanguageValue is not null, Urgent, From is not null, To is not null }.Count(applied => applied);

    /// <summary>What the inbox service is asked for.</summary>
    public LeadQuery ToQuery() => new(ViewValue, ViewValue is null ? StatusValue : null, Area, LanguageValue, Urgent, From, To, Q, NewestFirst, Page);

    /// <summary>The query string for these filters (never the search text), optionally on another page or in another order.</summary>
    public string QueryString(int? page = null, string? sort = null)
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
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("view", ViewValue);
        Add("sort", (sort ?? (NewestFirst ? "newest" : null)) is "newest" ? "newest" : null);
        Add("page", (page ?? Page) > 1 ? (page ?? Page).ToString(CultureInfo.InvariantCulture) : null);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

/// <summary>The inbox: the filters as asked, and the page of requests they select.</summary>
public sealed record LeadInboxScreen(LeadFilter Filter, LeadInboxPage Inbox)
{
    /// <summary>Only the Attorney deletes; Staff see the quarantine without the delete button.</summary>
    public bool CanDelete { get; init; }

    public int PageCount => Math.Max(1, (Inbox.Total + Inbox.PageSize - 1) / Inbox.PageSize);

    public string Title => Filter.ViewValue switch
    {
        LeadQueries.SpamView => "Suspected spam",
        LeadQueries.NeedsResponseView => "Needs a response",
        LeadQueries.FollowUpsView => "Follow-ups due",
        _ when TitleNamesTheFilter && Filter.Urgent => "Urgent requests",
        _ when TitleNamesTheFilter => $"{LeadWorkflow.Label(Filter.StatusValue!.Value)} requests",
        _ => "Consultation requests",
    };

    /// <summary>The one filter applied is urgency or a status, and the title says it ("Urgent requests", "New requests").</summary>
    private bool TitleNamesTheFilter => Filter.ViewValue is null && Filter.AppliedFilterCount == 1 && (Filter.Urgent || Filter.HasStatusFilter);

    /// <summary>
    /// The filters open themselves when one is applied, so that people see what is; not when the title already
    /// says it: the dashboard's links to the urgent and the new requests then show the list first on a phone.
    /// </summary>
    public bool FiltersOpen => Filter.HasFilters && !TitleNamesTheFilter;

    /// <summary>How the list is ordered, in words (and whether people can choose another order).</summary>
    public string OrderDescription => Filter.ViewValue switch
    {
        LeadQueries.SpamView => "newest first",
        LeadQueries.FollowUpsView => "earliest follow-up first",
        _ => Filter.NewestFirst ? "newest first" : "urgent first: someone detained, then the nearest court dates, then newest",
    };

    public bool CanChooseOrder => Filter.ViewValue is null or LeadQueries.NeedsResponseView;

    /// <summary>What an empty list says, so that an empty page is never mistaken for a broken one.</summary>
    public string EmptyMessage =>
        !string.IsNullOrWhiteSpace(Filter.Q) ? "No requests match your search."
        : Filter.HasFilters ? "No requests match these filters."
        : Filter.ViewValue switch
        {
            LeadQueries.SpamView => "No suspected spam is waiting for review.",
            LeadQueries.NeedsResponseView => "No requests need a response.",
            LeadQueries.FollowUpsView => "No follow-ups are due.",
            _ => "No consultation requests yet.",
        };

    /// <summary>A follow-up date before today: marked "Overdue" in words, not only in colour.</summary>
    public bool IsOverdue(LeadSummary row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.FollowUpOn is { } on && on < Inbox.Today && LeadWorkflow.IsOpen(row.Status);
    }

    /// <summary>"2 h ago": the exact time is beside it, in the title and the time element.</summary>
    public string Age(DateTime at)
    {
        var age = Inbox.Now - at;
        return age.TotalMinutes < 60 ? $"{Math.Max(1, (int)age.TotalMinutes)} min ago"
            : age.TotalHours < 24 ? $"{(int)age.TotalHours} h ago"
            : $"{(int)age.TotalDays} d ago";
    }
}
