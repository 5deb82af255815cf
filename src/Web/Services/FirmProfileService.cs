using System.Data.Common;
using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.Services;

/// <summary>
/// The firm's profile in one language (from the in-memory copy of the published content): the request's
/// (<see cref="SiteLanguage.Current"/>, from the address) unless one is named.
/// </summary>
public sealed partial class FirmProfileService(PublishedContent published, IServiceProvider services, ILogger<FirmProfileService> logger)
{
    public Task<FirmProfile> GetAsync(CancellationToken cancellationToken = default) => GetAsync(SiteLanguage.Current, cancellationToken);

    /// <summary>
    /// The profile in <paramref name="language"/>; the English one while that language has none yet, so a page is
    /// never missing its header, footer and legal notice.
    /// </summary>
    public async Task<FirmProfile> GetAsync(SiteLanguage language, CancellationToken cancellationToken = default)
    {
        var snapshot = await published.GetAsync(cancellationToken);
        return snapshot.In(language).Firm
            ?? snapshot.In(SiteLanguage.English).Firm
            ?? throw new InvalidOperationException("No firm profile: the database initialiser has not seeded it.");
    }

    /// <summary>
    /// For the layout of error pages: when part of the database is what failed (so the copy of the published
    /// content cannot load), the profile is read on its own; when that fails too, the friendly error page still
    /// renders, without the parts that need the profile.
    /// </summary>
    public async Task<FirmProfile?> TryGetAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            LogContentUnavailable(logger, exception);
        }

        try
        {
            // Resolved only here: an ordinary page needs no database context at all.
            var db = services.GetRequiredService<SiteDbContext>();
            var culture = SiteLanguage.Current.Code;
            var profiles = await db.FirmProfiles.AsNoTracking()
                .Where(f => f.Culture == culture || f.Culture == SiteCulture.English).ToListAsync(cancellationToken);
            return profiles.FirstOrDefault(f => f.Culture == culture) ?? profiles.FirstOrDefault();
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            LogProfileUnavailable(logger, exception);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The published content could not be loaded; reading the firm profile on its own")]
    private static partial void LogContentUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The firm profile could not be loaded; rendering the page without it")]
    private static partial void LogProfileUnavailable(ILogger logger, Exception exception);
}
