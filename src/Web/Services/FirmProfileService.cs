using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using PiriSite.Web.Localization;
using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.Services;

/// <summary>
/// The firm's profile in one language (from the in-memory copy of the published content): the request's
/// (<see cref="SiteLanguage.Current"/>, from the address) unless one is named. Never without the legal texts every
/// public page must show: whatever is missing (the profile could not be read, the language has none, a text is
/// blank) comes from the built-in fallback of the localization resources, and is logged as an error.
/// </summary>
public sealed partial class FirmProfileService(
    PublishedContent published, IServiceProvider services, IStringLocalizer<SharedResource> text, IHttpContextAccessor http,
    ILogger<FirmProfileService> logger)
{
    public Task<FirmProfile> GetAsync(CancellationToken cancellationToken = default) => GetAsync(SiteLanguage.Current, cancellationToken);

    /// <summary>
    /// The profile in <paramref name="language"/>; while that language has none, the English one with the legal
    /// texts of the fallback (they must be in the page's language), so a page is never missing its header, footer
    /// and legal notices.
    /// </summary>
    public async Task<FirmProfile> GetAsync(SiteLanguage language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(language);
        var (own, english, failure) = await LoadAsync(language, cancellationToken);
        if (FirmProfileFallback.IsWhole(own))
        {
            return own;
        }

        var choice = FirmProfileFallback.Choose(own, english, language.Code, FallbackTexts(language));
        // A page with the fallback is not kept in the output cache: the next request tries the profile again.
        if (choice.Missing.Count > 0 && http.HttpContext?.Features.Get<IOutputCacheFeature>() is { } outputCache)
        {
            outputCache.Context.AllowCacheStorage = false;
        }

        // One error per page that needed the fallback; no values, only which texts (they may name a person).
        if (failure is not null)
        {
            LogProfileUnavailable(logger, language.Code, failure);
        }
        else if (choice.Missing.Count > 0)
        {
            LogLegalTextsMissing(logger, language.Code, string.Join(", ", choice.Missing));
        }

        return choice.Profile;
    }

    /// <summary>For the layout of error pages; the same as <see cref="GetAsync(CancellationToken)"/>, which never fails.</summary>
    public async Task<FirmProfile?> TryGetAsync(CancellationToken cancellationToken = default) => await GetAsync(cancellationToken);

    // From the copy of the published content; when that cannot load (part of the database failing), the profile is
    // read on its own; when that fails too, the failure is returned for the log and the fallback stands in.
    private async Task<(FirmProfile? Own, FirmProfile? English, Exception? Failure)> LoadAsync(SiteLanguage language, CancellationToken cancellationToken)
    {
        Exception contentFailure;
        try
        {
            var snapshot = await published.GetAsync(cancellationToken);
            return (snapshot.In(language).Firm, snapshot.In(SiteLanguage.English).Firm, null);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            contentFailure = exception;
        }

        try
        {
            // Resolved only here: an ordinary page needs no database context at all.
            var db = services.GetRequiredService<SiteDbContext>();
            var profiles = await db.FirmProfiles.AsNoTracking()
                .Where(f => f.Culture == language.Code || f.Culture == SiteCulture.English).ToListAsync(cancellationToken);
            LogContentUnavailable(logger, contentFailure);
            return (profiles.FirstOrDefault(f => f.Culture == language.Code), profiles.FirstOrDefault(f => f.Culture == SiteCulture.English), null);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            return (null, null, exception);
        }
    }

    // The built-in texts, in the language asked for (which need not be the request's: the sitemap reads every one).
    private FirmLegalTexts FallbackTexts(SiteLanguage language)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language.CultureName);
        try
        {
            return new FirmLegalTexts(
                text["Fallback: attorney advertising notice"], text["Fallback: responsible attorney"], text["Fallback: principal office city"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The published content could not be loaded; reading the firm profile on its own")]
    private static partial void LogContentUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The firm profile ({Culture}) could not be loaded; the page shows the built-in legal texts")]
    private static partial void LogProfileUnavailable(ILogger logger, string culture, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The firm profile ({Culture}) is missing {Fields}; the page shows the built-in fallback instead")]
    private static partial void LogLegalTextsMissing(ILogger logger, string culture, string fields);
}
