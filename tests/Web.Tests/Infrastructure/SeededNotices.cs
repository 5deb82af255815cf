using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Content;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>The consultation notice as the database holds it, for tests that make or read requests.</summary>
public static class SeededNotices
{
    /// <summary>
    /// A stand-in for the seeded version 1 in <paramref name="culture"/>, for requests built without a database at
    /// hand: only its id and language count. In a new database the seeder writes the languages in
    /// <see cref="SiteCulture.Supported"/>'s order, so English is 1, Spanish 2, French 3
    /// (ConsultationNoticeSeedTests checks it).
    /// </summary>
    public static ConsultationNoticeVersion Version1(string culture = SiteCulture.English)
    {
        var notice = ConsultationNoticeVersion.First(culture, "(the seeded notice)", "(its box)", DateTime.UnixEpoch, "Test");
        notice.Id = SiteCulture.Supported.ToList().IndexOf(culture) + 1;
        return notice;
    }

    /// <summary>The version in force in <paramref name="culture"/>, read from the site's database.</summary>
    public static async Task<ConsultationNoticeVersion> CurrentAsync(SiteFactory factory, string culture = SiteCulture.English)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.CreateDbScope();
        return await scope.Db.ConsultationNoticeVersions.AsNoTracking()
            .Where(v => v.Culture == culture).OrderByDescending(v => v.Number).FirstAsync();
    }
}
