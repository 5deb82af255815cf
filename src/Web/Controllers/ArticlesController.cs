using Microsoft.AspNetCore.OutputCaching;
using PiriSite.Web.Services.Seo;
using PiriSite.Web.Extensions;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

[Route("articles")]
public sealed class ArticlesController(
    PublicContentService content,
    FirmProfileService firmProfile,
    PageContextFactory pages,
    IOptions<SiteOptions> site) : Controller
{
    private const int FeedLength = 20;

    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var page = pages.For(Request, await firmProfile.GetAsync(cancellationToken), "Immigration Articles",
            "Plain-language explanations of U.S. immigration law and enforcement from The Piri Law Firm.");
        return View(new ArticleIndexViewModel(page, await content.ListArticlesAsync(cancellationToken: cancellationToken)));
    }

    /// <summary>The newest articles as an Atom feed.</summary>
    [HttpGet("feed.xml")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag])]
    public async Task<IActionResult> Feed(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        var articles = await content.ListNewestArticlesAsync(FeedLength, cancellationToken);
        return Content(AtomFeed.Write(site.Value.PublicOrigin, firm, articles), "application/atom+xml; charset=utf-8");
    }

    [HttpGet("{slug}")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag])]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var article = await content.FindArticleAsync(slug, cancellationToken);
        if (article is null)
        {
            return await content.FindMovedSlugAsync(ContentKind.Article, slug, cancellationToken) is { } moved
                ? RedirectPermanent($"/articles/{moved}")
                : NotFound();
        }

        var firm = await firmProfile.GetAsync(cancellationToken);
        return View(ArticlePageViewModel.Create(pages.For(Request, firm, article.PageTitle, article.PageDescription), article, article.RenderedBody(), firm, Request.Path));
    }
}
