using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PiriSite.Data;
using PiriSite.Domain.Content;

namespace PiriSite.Web.Services;

/// <summary>The firm's profile for the current language, loaded once per request (the layout and the page share it).</summary>
public sealed partial class FirmProfileService(SiteDbContext db, ILogger<FirmProfileService> logger)
{
    private FirmProfile? _profile;

    public async Task<FirmProfile> GetAsync(CancellationToken cancellationToken = default)
    {
        _profile ??= await db.FirmProfiles.AsNoTracking()
            .SingleOrDefaultAsync(f => f.Culture == SiteCulture.English, cancellationToken)
            ?? throw new InvalidOperationException("No firm profile: the database initialiser has not seeded it.");
        return _profile;
    }

    /// <summary>
    /// For the layout of error pages: when the database itself is what failed, the friendly error page
    /// must still render, without the parts that need the profile.
    /// </summary>
    public async Task<FirmProfile?> TryGetAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            LogProfileUnavailable(logger, exception);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The firm profile could not be loaded; rendering the page without it")]
    private static partial void LogProfileUnavailable(ILogger logger, Exception exception);
}
