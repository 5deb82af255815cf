using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using PiriSite.Web.Extensions;
using PiriSite.Web.Localization;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Services.Consultations;
using PiriSite.Web.Services.Seo;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

/// <summary>The articles, their list and their Atom feed, in the address's language.</summary>
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

    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var page = pages.For(Request, await firmProfile.GetAsync(cancellationToken), text["Immigration articles"],
            text["Plain-language explanations of U.S. immigration law and enforcement from The Piri Law Firm."]) with { Section = SiteSection.Articles };
        return View(new ArticleIndexViewModel(page, await content.ListArticlesAsync(cancellationToken: cancellationToken)));
    }

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
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag])]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var article = await content.FindArticleAsync(slug, cancellationToken);
        if (article is null)
        {
            return await content.FindMovedSlugAsync(ContentKind.Article, slug, cancellationToken) is { } moved
                ? RedirectPermanent(SitePaths.Article(SiteLanguage.Current, moved))
                : NotFound();
        }

        var firm = await firmProfile.GetAsync(cancellationToken);
        var page = pages.For(Request, firm, article.PageTitle, article.PageDescription) with
        {
            Alternates = await content.ListTranslationsAsync(ContentKind.Article, article.TranslationKey, cancellationToken),
        };
        var notice = await notices.CurrentAsync(SiteLanguage.Current, cancellationToken);
        return View(ArticlePageViewModel.Create(page, article, article.RenderedBody(), firm, notice, Request.Path, text));
    }
}
