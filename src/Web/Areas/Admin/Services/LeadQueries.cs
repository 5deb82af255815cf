using System.Linq.Expressions;
using PiriSite.Domain.Search;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>The queries that the inbox, the export and the dashboard share.</summary>
internal static class LeadQueries
{
    /// <summary>The firm's calendar day at <paramref name="utcNow"/>: urgency and follow-up dates are firm days.</summary>
    public static DateOnly FirmDay(DateTime utcNow) => FirmTimeZone.DayOf(utcNow);

    /// <summary>The inbox's views besides the ordinary list (<see cref="LeadQuery.View"/>).</summary>
    public const string NeedsResponseView = "needs-response", FollowUpsView = "follow-ups", SpamView = "spam";

    /// <summary>New and waiting longer than <see cref="LeadsOptions.NeedsResponseHours"/>, or urgent (<see cref="LeadRules.NeedsResponse"/>).</summary>
    public static Expression<Func<ConsultationRequest, bool>> NeedsResponse(DateTime now, LeadsOptions settings) =>
        LeadRules.NeedsResponse(now.AddHours(-settings.NeedsResponseHours), FirmDay(now));

    public static async Task<IReadOnlyList<LeadArea>> PracticeAreasAsync(SiteDbContext db, CancellationToken cancellationToken = default) =>
        await db.PracticeAreas.AsNoTracking().Where(p => p.Culture == SiteCulture.English)
            .OrderBy(p => p.DisplayOrder).Select(p => new LeadArea(p.TranslationKey, p.Name)).ToListAsync(cancellationToken);

    /// <summary>How many requests there are in each status (a status with none is missing).</summary>
    public static async Task<Dictionary<LeadStatus, int>> CountsByStatusAsync(SiteDbContext db, CancellationToken cancellationToken) =>
        await db.ConsultationRequests.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>
    /// The New requests received before <paramref name="threshold"/>: all the New ones in <paramref name="counts"/> but
    /// those received since, which are few and read from the (Status, CreatedAt) index. Counting those that waited
    /// instead reads nearly every New request: on PostgreSQL, with 100,000 requests, the inbox's counts took 15 ms
    /// of CPU that way and take 8 ms now (bench/leads-inbox.sh).
    /// </summary>
    public static async Task<int> NewWaitingAsync(
        SiteDbContext db, IReadOnlyDictionary<LeadStatus, int> counts, DateTime threshold, CancellationToken cancellationToken)
    {
        var notWaiting = await db.ConsultationRequests.CountAsync(r => r.Status == LeadStatus.New && r.CreatedAt >= threshold, cancellationToken);
        // Never below zero: a request that arrives between the two counts is in the second only.
        return Math.Max(0, counts.GetValueOrDefault(LeadStatus.New) - notWaiting);
    }

    /// <summary>
    /// The requests the inbox view, filters and search select (unordered), and whether the search matched more
    /// requests than the newest Leads:SearchCap that it keeps.
    /// </summary>
    public static async Task<LeadSelection> FilteredAsync(
        SiteDbContext db, LeadQuery filter, DateTime now, LeadsOptions settings, CancellationToken cancellationToken = default)
    {
        var query = db.ConsultationRequests.AsNoTracking();
        var searchCapped = false;
        query = filter.View switch
        {
            SpamView => query.Where(r => r.Status == LeadStatus.Spam),
            NeedsResponseView => query.Where(NeedsResponse(now, settings)),
            FollowUpsView => query.Where(LeadRules.FollowUpDueBy(FirmDay(now))),
            _ => filter.Status is { } status ? query.Where(r => r.Status == status) : query.Where(r => r.Status != LeadStatus.Spam),
        };

        if (filter.Area == ConsultationValidator.NotSurePracticeArea)
        {
            query = query.Where(r => r.PracticeAreaKey == null);
        }
        else if (!string.IsNullOrEmpty(filter.Area))
        {
            query = query.Where(r => r.PracticeAreaKey == filter.Area);
        }

        if (filter.Language is { } language)
        {
            query = query.Where(r => r.PreferredLanguage == language);
        }

        if (filter.Urgent)
        {
            query = query.Where(LeadRules.OpenAndUrgentOn(FirmDay(now)));
        }

        if (filter.From is { } from)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), FirmTimeZone.Value);
            query = query.Where(r => r.CreatedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), FirmTimeZone.Value);
            query = query.Where(r => r.CreatedAt < end);
        }

        if (LikePattern.Literal(filter.Search) is { Length: > 0 } search)
        {
            var pattern = $"%{search}%";
            if (search.Length >= LeadSearch.MinimumLength)
            {
                // The trigram index (see LeadSearch) answers LIKE without a scan. A word that matches thousands of
                // requests is cut to the newest Leads:SearchCap of them: listing and counting every match is what
                // would make a broad search slow, and nobody reads past it. The matches are read once (one more than
                // the cap tells whether there were more) and the page's queries take their ids: as a subquery, the
                // search ran in each of them, up to five times a page, and on PostgreSQL a search for a name costs
                // about 12 ms of CPU each time with 100,000 requests (bench/leads-inbox.sh). The ids go as one
                // parameter (an array on PostgreSQL, JSON on SQLite): as a thousand parameters, one per id, they
                // cost SQLite more than running the search again.
                var newest = await LeadSearch.Newest(db, pattern, settings.SearchCap + 1).ToListAsync(cancellationToken);
                searchCapped = newest.Count > settings.SearchCap;
                var matches = newest.OrderDescending().Take(settings.SearchCap).ToList();
                query = query.Where(r => EF.Parameter(matches).Contains(r.Id));
            }
            else
            {
                query = query.Where(r => EF.Functions.Like(r.FullName, pattern) || EF.Functions.Like(r.Email!, pattern)
                    || EF.Functions.Like(r.Phone!, pattern) || EF.Functions.Like(r.Description, pattern));
            }
        }

        return new LeadSelection(query, searchCapped);
    }
}

/// <summary>The requests a view, its filters and a search select; <see cref="SearchCapped"/>: the search kept only the newest.</summary>
internal sealed record LeadSelection(IQueryable<ConsultationRequest> Requests, bool SearchCapped);
