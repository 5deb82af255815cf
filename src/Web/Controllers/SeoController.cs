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

    /// <summary>
    /// The sitemap index: one sitemap per language ("/sitemap-es.xml"), split into numbered parts
    /// ("/sitemap-es-2.xml") past <see cref="SiteOptions.SitemapUrlLimit"/> URLs, as the protocol requires.
    /// </summary>
    [HttpGet("sitemap.xml")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag, PublicPageCache.PracticeAreasTag])]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var sitemaps = new List<PageDate>();
        foreach (var language in SiteLanguage.All)
        {
            var pages = await LanguagePagesAsync(language, cancellationToken);
            var parts = pages.Chunk(UrlLimit).ToList();
            sitemaps.AddRange(parts.Select((part, index) => new PageDate(SitemapPath(language, index + 1), part.Max(p => p.LastModified))));
        }

        return Content(SitemapXml.WriteIndex(site.Value.PublicOrigin, sitemaps), XmlContentType);
    }

    /// <summary>One language's sitemap, or its first part when it has several.</summary>
    [HttpGet("sitemap-{code:alpha:length(2)}.xml")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag, PublicPageCache.PracticeAreasTag])]
    public Task<IActionResult> LanguageSitemap(string code, CancellationToken cancellationToken) => LanguageSitemapAsync(code, 1, cancellationToken);

    [HttpGet("sitemap-{code:alpha:length(2)}-{part:int:min(2)}.xml")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag, PublicPageCache.PracticeAreasTag])]
    public Task<IActionResult> LanguageSitemapPart(string code, int part, CancellationToken cancellationToken) => LanguageSitemapAsync(code, part, cancellationToken);

    private int UrlLimit => Math.Clamp(site.Value.SitemapUrlLimit, 1, SiteOptions.SitemapProtocolLimit);

    private static string SitemapPath(SiteLanguage language, int part) =>
        part == 1 ? $"/sitemap-{language.Code}.xml" : $"/sitemap-{language.Code}-{part.ToString(CultureInfo.InvariantCulture)}.xml";

    private async Task<IActionResult> LanguageSitemapAsync(string code, int part, CancellationToken cancellationToken)
    {
        if (SiteLanguage.All.FirstOrDefault(l => l.Code == code) is not { } language)
        {
            return NotFound();
        }

        var pages = (await LanguagePagesAsync(language, cancellationToken)).Skip((part - 1) * UrlLimit).Take(UrlLimit).ToList();
        return pages.Count == 0 ? NotFound() : Content(SitemapXml.Write(site.Value.PublicOrigin, pages), XmlContentType);
    }

    private const string XmlContentType = "application/xml; charset=utf-8";

    // Every public page of one language, each with its translations: home, the practice areas, the articles and
    // their topics, the firm's pages. A list page changes when anything on it changes; every page shows the profile.
    private async Task<List<SitemapPage>> LanguagePagesAsync(SiteLanguage language, CancellationToken cancellationToken)
    {
        var areas = await content.ListSitemapPagesAsync(ContentKind.PracticeArea, language, cancellationToken);
        var articles = await content.ListSitemapPagesAsync(ContentKind.Article, language, cancellationToken);
        var topics = await content.ListTopicSitemapPagesAsync(language, cancellationToken);
        var profileChanged = (await firmProfile.GetAsync(language, cancellationToken)).UpdatedAt;
        var areasChanged = Latest(areas, profileChanged);
        var articlesChanged = Latest(articles, profileChanged);
        var pages = new List<SitemapPage> { Everywhere(language, null, areasChanged > articlesChanged ? areasChanged : articlesChanged) };
        pages.Add(Everywhere(language, SiteSection.PracticeAreas, areasChanged));
        pages.AddRange(areas);
        pages.Add(Everywhere(language, SiteSection.Articles, articlesChanged));
        pages.AddRange(topics);
        pages.AddRange(articles);
        pages.AddRange(s_firmPages.Select(section => Everywhere(language, section, profileChanged)));
        return pages;
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

    private static DateTime Latest(IEnumerable<SitemapPage> pages, DateTime atLeast) =>
        pages.Select(p => p.LastModified).Append(atLeast).Max();
}
