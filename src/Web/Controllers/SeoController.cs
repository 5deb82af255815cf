using Microsoft.AspNetCore.OutputCaching;
using PiriSite.Web.Extensions;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Services.Seo;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

/// <summary>What search engines and link previews read: robots.txt, the sitemap and the social card.</summary>
public sealed class SeoController(PublicContentService content, FirmProfileService firmProfile, SocialCardCache socialCards, IOptions<SiteOptions> site) : Controller
{
    [HttpGet("sitemap.xml")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag, PublicPageCache.PracticeAreasTag])]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        var areas = await content.ListPracticeAreaDatesAsync(cancellationToken);
        var articles = await content.ListArticleDatesAsync(cancellationToken);

        // A list page changes when anything on it changes; every page shows the firm's profile.
        var profileChanged = firm.UpdatedAt;
        var areasChanged = Latest(areas, profileChanged);
        var articlesChanged = Latest(articles, profileChanged);
        List<PageDate> pages =
        [
            new("/", areasChanged > articlesChanged ? areasChanged : articlesChanged),
            new("/practice-areas", areasChanged),
            .. areas,
            new("/articles", articlesChanged),
            .. articles,
            new("/about", profileChanged),
            new("/consultation", profileChanged),
            new("/privacy", profileChanged),
            new("/disclaimer", profileChanged),
        ];
        return Content(SitemapXml.Write(site.Value.PublicOrigin, pages), "application/xml; charset=utf-8");
    }

    /// <summary>The picture shown with a shared link (og:image); drawn again only after what it shows changes.</summary>
    [HttpGet(SocialCard.FileName)]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> SocialCardImage(CancellationToken cancellationToken) =>
        File(socialCards.Get(await firmProfile.GetAsync(cancellationToken)), "image/png");

    [HttpGet("robots.txt")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public IActionResult Robots()
    {
        // The staff area, sign-in and a visitor's own confirmation are nobody's search result.
        var robots = $"""
            User-agent: *
            Disallow: /admin
            Disallow: /account
            Disallow: /consultation/received
            Disallow: /consultation/form-token
            Allow: /

            Sitemap: {site.Value.PublicOrigin}/sitemap.xml

            """;
        return Content(robots, "text/plain; charset=utf-8");
    }

    private static DateTime Latest(IEnumerable<PageDate> pages, DateTime atLeast) =>
        pages.Select(p => p.LastModified).Append(atLeast).Max();
}
