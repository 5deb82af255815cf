using System.Linq.Expressions;
using PiriSite.Domain.Search;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>The queries that the inbox, the export and the dashboard share.</summary>
internal static class LeadQueries
{
    /// <summary>The firm's calendar day at <paramref name="utcNow"/>: urgency and follow-up dates are firm days.</summary>
    public static DateOnly FirmDay(DateTime utcNow) => DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(utcNow));

    /// <summary>The inbox's views besides the ordinary list (<see cref="LeadQuery.View"/>).</summary>
    public const string NeedsResponseView = "needs-response", FollowUpsView = "follow-ups", SpamView = "spam";

    /// <summary>New and waiting longer than <see cref="LeadsOptions.NeedsResponseHours"/>, or urgent (<see cref="LeadRules.NeedsResponse"/>).</summary>
    public static Expression<Func<ConsultationRequest, bool>> NeedsResponse(DateTime now, LeadsOptions settings) =>
        LeadRules.NeedsResponse(now.AddHours(-settings.NeedsResponseHours), FirmDay(now));

    public static async Task<IReadOnlyList<LeadArea>> PracticeAreasAsync(SiteDbContext db, CancellationToken cancellationToken = default) =>
        await db.PracticeAreas.AsNoTracking().Where(p => p.Culture == SiteCulture.English)
            .OrderBy(p => p.DisplayOrder).Select(p => new LeadArea(p.TranslationKey, p.Name)).ToListAsync(cancellationToken);

    /// <summary>The requests the inbox view, filters and search select (unordered).</summary>
    public static IQueryable<ConsultationRequest> Filtered(SiteDbContext db, LeadQuery filter, DateTime now, LeadsOptions settings)
    {
        var query = db.ConsultationRequests.AsNoTracking();
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
                // would make a broad search slow, and nobody reads past it.
                var matches = LeadSearch.Newest(db, pattern, settings.SearchCap);
                query = query.Where(r => matches.Contains(r.Id));
            }
            else
            {
                query = query.Where(r => EF.Functions.Like(r.FullName, pattern) || EF.Functions.Like(r.Email!, pattern)
                    || EF.Functions.Like(r.Phone!, pattern) || EF.Functions.Like(r.Description, pattern));
            }
        }

        return query;
    }
}
