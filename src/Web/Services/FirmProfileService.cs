using System.Data.Common;
using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.Services;

/// <summary>The firm's profile for the current language (from the in-memory copy of the published content).</summary>
public sealed partial class FirmProfileService(PublishedContent published, IServiceProvider services, ILogger<FirmProfileService> logger)
{
    public async Task<FirmProfile> GetAsync(CancellationToken cancellationToken = default) =>
        (await published.GetAsync(cancellationToken)).Firm
            ?? throw new InvalidOperationException("No firm profile: the database initialiser has not seeded it.");

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
            return await db.FirmProfiles.AsNoTracking().SingleOrDefaultAsync(f => f.Culture == SiteCulture.English, cancellationToken);
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
