using Microsoft.Extensions.Localization;
using PiriSite.Web.Extensions;
using PiriSite.Web.Localization;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Services.Seo;

/// <summary>
/// Starts a page's <see cref="PageContext"/>: the public origin, its canonical address, the year and its language
/// (from the address). A page that exists in every language (the home page, a section index, about, privacy, the
/// disclaimer, the consultation pages) is recognised by its address and gets all three as alternates; an article
/// or a practice area sets its own, its published translations.
/// </summary>
public sealed class PageContextFactory(IOptions<SiteOptions> site, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    private static readonly SiteSection?[] s_everyLanguagePages = [null, .. Enum.GetValues<SiteSection>().Cast<SiteSection?>()];

    public PageContext For(HttpRequest request, FirmProfile? firm, string title, string description)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = SiteLanguage.Current;
        return new PageContext
        {
            Firm = firm,
            Title = title,
            Description = description,
            Origin = site.Value.PublicOrigin,
            CanonicalUrl = request.CanonicalUrl(site.Value),
            Year = FirmTimeZone.ToFirmTime(clock.GetUtcNow().UtcDateTime).Year,
            Language = language,
            Alternates = IsEveryLanguagePage(language, request.Path.Value, out var section) ? PageAlternate.InEveryLanguage(section) : [],
            AttorneyJobTitle = text["Immigration Attorney"],
        };
    }

    // Whether the path is, in the page's language, the home page (section null) or a section's own address.
    private static bool IsEveryLanguagePage(SiteLanguage language, string? path, out SiteSection? section)
    {
        var normalised = path is { Length: > 1 } ? path.TrimEnd('/') : path;
        foreach (var candidate in s_everyLanguagePages)
        {
            var address = candidate is { } s ? SitePaths.Section(language, s) : SitePaths.Home(language);
            if (string.Equals(address, normalised, StringComparison.OrdinalIgnoreCase))
            {
                section = candidate;
                return true;
            }
        }

        section = null;
        return false;
    }
}
