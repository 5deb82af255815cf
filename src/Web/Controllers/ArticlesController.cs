using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using PiriSite.Web.Extensions;
using PiriSite.Web.Localization;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Services.Consultations;
using PiriSite.Web.Services.Seo;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

/// <summary>An article and the Atom feed of the articles, in the address's language.</summary>
[Route("articles")]
[LocalizedRoutes]
public sealed class ArticlesController(
    PublicContentService content,
    FirmProfileService firmProfile,
    ConsultationNotices notices,
    PageContextFactory pages,
    IStringLocalizer<SharedResource> text,
    IOptions<SiteOptions> site) : Controller
{
    private const int FeedLength = 20;

    /// <summary>The newest articles of this language as an Atom feed.</summary>
    [HttpGet("feed.xml")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag])]
    public async Task<IActionResult> Feed(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        var articles = await content.ListNewestArticlesAsync(FeedLength, cancellationToken);
        var feed = new AtomFeed.Header(
            SiteLanguage.Current,
            text["{0}: immigration articles", firm.FirmName],
            text["Plain-language explanations of U.S. immigration law from {0}, {1}.", firm.FirmName, firm.ServiceArea]);
        return Content(AtomFeed.Write(site.Value.PublicOrigin, firm, articles, feed), "application/atom+xml; charset=utf-8");
    }

    [HttpGet("{slug}")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var detail = await content.FindArticleAsync(slug, cancellationToken);
        if (detail is null)
        {
            return await content.FindMovedSlugAsync(ContentKind.Article, slug, cancellationToken) is { } moved
                ? RedirectPermanent(SitePaths.Article(SiteLanguage.Current, moved))
                : NotFound();
        }

        var article = detail.Article;
        TagCachedPage([article.TranslationKey, .. detail.RelatedKeys]);
        var firm = await firmProfile.GetAsync(cancellationToken);
        var page = pages.For(Request, firm, article.PageTitle, article.PageDescription) with
        {
            Alternates = await content.ListTranslationsAsync(ContentKind.Article, article.TranslationKey, cancellationToken),
        };
        var notice = await notices.CurrentAsync(SiteLanguage.Current, cancellationToken);
        return View(ArticlePageViewModel.Create(page, article, article.RenderedBody(), firm, notice, Request.Path, text) with
        {
            Topics = detail.Topics,
            Related = detail.Related,
        });
    }

    // The page is evicted when it or an article it lists as related is saved (not on every article's save).
    private void TagCachedPage(IEnumerable<string> translationKeys)
    {
        if (HttpContext.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            foreach (var key in translationKeys)
            {
                cache.Tags.Add(PublicPageCache.ArticleTag(key));
            }
        }
    }
}
