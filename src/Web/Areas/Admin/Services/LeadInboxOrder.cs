namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// The orders of the inbox's pages. Urgent first, the default: open requests where someone is detained (newest
/// first), then open requests with a court date in the urgent window (nearest date first), then everything else
/// newest first. Each part is one query that walks an index and stops at the page, rather than ranking every
/// request and sorting them all (bench/leads-inbox.sh has 100,000).
/// </summary>
internal static class LeadInboxOrder
{
    public static Task<List<InboxItem>> NewestFirstPageAsync(
        IQueryable<ConsultationRequest> query, int skip, int take, CancellationToken cancellationToken) =>
        Page(query.OrderByDescending(r => r.CreatedAt), skip, take).ToListAsync(cancellationToken);

    /// <summary>The follow-ups view: the earliest (most overdue) follow-up date first.</summary>
    public static Task<List<InboxItem>> FollowUpFirstPageAsync(
        IQueryable<ConsultationRequest> query, int skip, int take, CancellationToken cancellationToken) =>
        Page(query.OrderBy(r => r.FollowUpOn).ThenByDescending(r => r.CreatedAt), skip, take).ToListAsync(cancellationToken);

    public static async Task<List<InboxItem>> UrgentFirstPageAsync(
        IQueryable<ConsultationRequest> query, DateOnly today, int skip, int take, CancellationToken cancellationToken)
    {
        IOrderedQueryable<ConsultationRequest>[] parts =
        [
            query.Where(LeadRules.OpenDetained()).OrderByDescending(r => r.CreatedAt),
            query.Where(LeadRules.OpenWithCourtDateOn(today)).OrderBy(r => r.CourtDate).ThenByDescending(r => r.CreatedAt),
            query.Where(LeadRules.NotOpenAndUrgentOn(today)).OrderByDescending(r => r.CreatedAt),
        ];
        var items = new List<InboxItem>();
        foreach (var part in parts)
        {
            // A page that starts past this part's top counts the part first, from an index: when the page starts
            // beyond its end, its rows are never read (page 500 read and sorted thousands of urgent requests only
            // to skip them all, 50 ms of it on PostgreSQL with 100,000 requests: bench/leads-inbox.sh). The last
            // part is not counted: nothing comes after it.
            if (skip > 0 && part != parts[^1])
            {
                var count = await part.CountAsync(cancellationToken);
                if (count <= skip)
                {
                    skip -= count;
                    continue;
                }
            }

            var rows = await Page(part, skip, take - items.Count).ToListAsync(cancellationToken);
            items.AddRange(rows);
            if (items.Count == take)
            {
                break;
            }

            // This part ends on this page: the next one starts at its top.
            skip = 0;
        }

        return items;
    }

    /// <summary>A row as lists show it: urgency in words, marked urgent only while the request is open.</summary>
    public static LeadSummary Summarize(InboxItem r, DateOnly today, IReadOnlyDictionary<string, string> areaNames)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(areaNames);
        return new LeadSummary(r.Reference, r.FullName, r.Status,
            LeadWorkflow.IsOpen(r.Status) && LeadWorkflow.IsUrgent(r.Urgency, r.CourtDate, today), DescribeUrgency(r.Urgency, r.CourtDate, today),
            r.PracticeAreaKey is null ? null : areaNames.GetValueOrDefault(r.PracticeAreaKey, r.PracticeAreaKey),
            r.PreferredLanguage, r.CreatedAt, r.IsUnread, r.AssignedToName, r.SpamVerdict)
        {
            SourceCulture = r.SourceCulture,
            FollowUpOn = r.FollowUpOn,
        };
    }

    // "Someone detained"; "Court date on May 4, 2027 (in 5 days)": how near it is matters most.
    private static string? DescribeUrgency(Urgency urgency, DateOnly? courtDate, DateOnly today) => urgency switch
    {
        Urgency.None => null,
        Urgency.CourtDate when courtDate is { } date => $"{Urgencies.Label(urgency, date)} ({InDays(date.DayNumber - today.DayNumber)})",
        _ => Urgencies.Label(urgency, courtDate),
    };

    private static string InDays(int days) => days switch
    {
        0 => "today",
        1 => "tomorrow",
        -1 => "yesterday",
        > 1 => $"in {days} days",
        _ => $"{-days} days ago",
    };

    private static IQueryable<InboxItem> Page(IOrderedQueryable<ConsultationRequest> ordered, int skip, int take) =>
        ordered.Skip(skip).Take(take).Select(r => new InboxItem(r.Reference, r.FullName, r.Status, r.Urgency, r.CourtDate,
            r.PracticeAreaKey, r.PreferredLanguage, r.CreatedAt, r.IsUnread, r.AssignedToName, r.SpamVerdict, r.SourceCulture, r.FollowUpOn));
}

/// <summary>The columns of a request that the inbox shows.</summary>
internal sealed record InboxItem(
    string Reference, string FullName, LeadStatus Status, Urgency Urgency, DateOnly? CourtDate, string? PracticeAreaKey,
    ContactLanguage PreferredLanguage, DateTime CreatedAt, bool IsUnread, string? AssignedToName, SpamVerdict SpamVerdict,
    string SourceCulture, DateOnly? FollowUpOn);
