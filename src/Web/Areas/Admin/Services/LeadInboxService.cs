using PiriSite.Domain.Search;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>The leads inbox: one page of the requests a view, its filters and a search select, with the counts.</summary>
public sealed class LeadInboxService(SiteDbContext db, TimeProvider clock, IOptions<LeadsOptions> options)
{
    public async Task<LeadInboxPage> InboxAsync(LeadQuery filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;

        var query = LeadQueries.Filtered(db, filter, now, settings);
        var today = LeadQueries.FirmDay(now);
        var areas = await LeadQueries.PracticeAreasAsync(db, cancellationToken);
        var names = areas.ToDictionary(a => a.Key, a => a.Name);

        // One pass over the (Status, CreatedAt) index gives the counts per status and the "needs a response"
        // count; with no filter beyond a status or view, it gives the total too.
        var threshold = now.AddHours(-settings.NeedsResponseHours);
        var perStatus = await db.ConsultationRequests.GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count(), Waiting = g.Count(r => r.CreatedAt < threshold) })
            .ToListAsync(cancellationToken);
        var counts = perStatus.ToDictionary(g => g.Key, g => g.Count);
        var needsResponse = perStatus.FirstOrDefault(g => g.Key == LeadStatus.New)?.Waiting ?? 0;
        var total = OnlyStatusOrView(filter)
            ? filter.View switch
            {
                "spam" => counts.GetValueOrDefault(LeadStatus.Spam),
                "needs-response" => needsResponse,
                _ => filter.Status is { } status ? counts.GetValueOrDefault(status) : counts.Where(c => c.Key != LeadStatus.Spam).Sum(c => c.Value),
            }
            : await query.CountAsync(cancellationToken);
        var searchCapped = filter.Search?.Trim() is { Length: >= 3 } term && await SearchHasMoreThanCapAsync(term, cancellationToken);

        var skip = (filter.Page - 1) * settings.PageSize;
        var rows = filter.UrgentFirst
            ? await UrgentFirstPageAsync(query, today, skip, settings.PageSize, cancellationToken)
            : await Page(query.OrderByDescending(r => r.CreatedAt), skip, settings.PageSize).ToListAsync(cancellationToken);
        return new LeadInboxPage(
            rows.Select(r => new LeadSummary(r.Reference, r.FullName, r.Status,
                LeadWorkflow.IsUrgent(r.Urgency, r.CourtDate, today), DescribeUrgency(r.Urgency, r.CourtDate),
                r.PracticeAreaKey is null ? null : names.GetValueOrDefault(r.PracticeAreaKey, r.PracticeAreaKey),
                r.PreferredLanguage, r.CreatedAt, r.IsUnread, r.AssignedToName, r.SpamVerdict) { SourceCulture = r.SourceCulture }).ToList(),
            total, counts, needsResponse, areas, now, settings.PageSize, searchCapped);
    }

    private async Task<bool> SearchHasMoreThanCapAsync(string search, CancellationToken cancellationToken)
    {
        var pattern = LikePattern.Containing(search);
        var cap = options.Value.SearchCap;
        var found = await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM (SELECT rowid FROM LeadSearch WHERE Text LIKE {pattern} LIMIT {cap + 1})")
            .SingleAsync(cancellationToken);
        return found > cap;
    }

    private sealed record InboxItem(
        string Reference, string FullName, LeadStatus Status, Urgency Urgency, DateOnly? CourtDate, string? PracticeAreaKey,
        ContactLanguage PreferredLanguage, DateTime CreatedAt, bool IsUnread, string? AssignedToName, SpamVerdict SpamVerdict,
        string SourceCulture);

    private static IQueryable<InboxItem> Page(IOrderedQueryable<ConsultationRequest> ordered, int skip, int take) =>
        ordered.Skip(skip).Take(take).Select(r => new InboxItem(r.Reference, r.FullName, r.Status, r.Urgency, r.CourtDate,
            r.PracticeAreaKey, r.PreferredLanguage, r.CreatedAt, r.IsUnread, r.AssignedToName, r.SpamVerdict, r.SourceCulture));

    // Urgent first, as two queries that each walk an index (urgent ones, then the rest, newest first in each),
    // instead of computing urgency for every request and sorting them all.
    private static async Task<List<InboxItem>> UrgentFirstPageAsync(
        IQueryable<ConsultationRequest> query, DateOnly today, int skip, int take, CancellationToken cancellationToken)
    {
        var urgent = query.Where(LeadRules.UrgentOn(today));
        var urgentCount = await urgent.CountAsync(cancellationToken);
        var items = skip < urgentCount
            ? await Page(urgent.OrderByDescending(r => r.CreatedAt), skip, take).ToListAsync(cancellationToken)
            : [];
        if (items.Count < take)
        {
            var rest = query.Where(LeadRules.NotUrgentOn(today));
            items.AddRange(await Page(rest.OrderByDescending(r => r.CreatedAt), Math.Max(0, skip - urgentCount), take - items.Count).ToListAsync(cancellationToken));
        }

        return items;
    }

    private static bool OnlyStatusOrView(LeadQuery filter) =>
        string.IsNullOrEmpty(filter.Area) && filter.Language is null && !filter.Urgent
        && filter.From is null && filter.To is null && string.IsNullOrWhiteSpace(filter.Search);

    private static string? DescribeUrgency(Urgency urgency, DateOnly? courtDate) => urgency switch
    {
        Urgency.Detained => "Detained",
        Urgency.CourtDate => courtDate is { } date ? $"Court {date:MMM d}" : "Court date",
        _ => null,
    };
}
