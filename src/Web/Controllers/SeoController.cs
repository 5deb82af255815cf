using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using PiriSite.Web.Extensions;
using PiriSite.Web.Localization;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Services.Seo;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

/// <summary>What search engines and link previews read: robots.txt, the sitemap and the social card of each language.</summary>
public sealed class SeoController(
    PublicContentService content,
    FirmProfileService firmProfile,
    SocialCardCache socialCards,
    IStringLocalizer<SharedResource> text,
    IOptions<SiteOptions> site) : Controller
{
    // Pages that exist in every language (null: the home page), in the sitemap's order around the content pages.
    private static readonly SiteSection[] s_firmPages = [SiteSection.About, SiteSection.Consultation, SiteSection.Privacy, SiteSection.Disclaimer];

    [HttpGet("sitemap.xml")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag, PublicPageCache.PracticeAreasTag])]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var areas = await content.ListSitemapPagesAsync(ContentKind.PracticeArea, cancellationToken);
        var articles = await content.ListSitemapPagesAsync(ContentKind.Article, cancellationToken);
        var pages = new List<SitemapPage>();
        foreach (var language in SiteLanguage.All)
        {
            // A list page changes when anything on it changes; every page shows the language's firm profile.
            var profileChanged = (await firmProfile.GetAsync(language, cancellationToken)).UpdatedAt;
            var areasChanged = Latest(areas, language, profileChanged);
            var articlesChanged = Latest(articles, language, profileChanged);
            pages.Add(Everywhere(language, null, areasChanged > articlesChanged ? areasChanged : articlesChanged));
            pages.Add(Everywhere(language, SiteSection.PracticeAreas, areasChanged));
            pages.AddRange(areas.Where(p => SiteLanguage.FromPath(p.Path) == language));
            pages.Add(Everywhere(language, SiteSection.Articles, articlesChanged));
            pages.AddRange(articles.Where(p => SiteLanguage.FromPath(p.Path) == language));
            pages.AddRange(s_firmPages.Select(section => Everywhere(language, section, profileChanged)));
        }

        return Content(SitemapXml.Write(site.Value.PublicOrigin, pages), "application/xml; charset=utf-8");
    }

    /// <summary>
    /// The picture shown with a shared link (og:image) in the address's language: that language's consultation
    /// offer; drawn again only after what it shows changes.
    /// </summary>
    [HttpGet(SocialCard.FileName)]
    [HttpGet("/es/" + SocialCard.FileName)]
    [HttpGet("/fr/" + SocialCard.FileName)]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> SocialCardImage(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        var words = SocialCard.Texts(firm, (key, arguments) => text[key, arguments], CultureInfo.CurrentCulture);
        return File(socialCards.Get(firm, words), "image/png");
    }

    [HttpGet("robots.txt")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public IActionResult Robots()
    {
        // The staff area, sign-in and a visitor's own confirmation (in every language) are nobody's search result.
        var privatePaths = SiteLanguage.All.SelectMany(language => new[]
        {
            SitePaths.Section(language, SiteSection.ConsultationReceived),
            SitePaths.Localize(language, "consultation/form-token"),
        });
        var robots = $"""
            User-agent: *
            Disallow: /admin
            Disallow: /account
            {string.Join("\n", privatePaths.Select(path => "Disallow: " + path))}
            Allow: /

            Sitemap: {site.Value.PublicOrigin}/sitemap.xml

            """;
        return Content(robots, "text/plain; charset=utf-8");
    }

    private static SitemapPage Everywhere(SiteLanguage language, SiteSection? section, DateTime lastModified)
    {
        var alternates = PageAlternate.InEveryLanguage(section);
        return new SitemapPage(alternates.Single(a => a.Language == language).Path, lastModified, alternates);
    }

    private static DateTime Latest(IEnumerable<SitemapPage> pages, SiteLanguage language, DateTime atLeast) =>
        pages.Where(p => SiteLanguage.FromPath(p.Path) == language)
            .Select(p => p.LastModified).Append(atLeast).Max();
}
