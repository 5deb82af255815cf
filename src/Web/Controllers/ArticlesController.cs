using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PiriSite.Domain.Content;
using PiriSite.Web.Services;
using PiriSite.Web.Services.Seo;
using Microsoft.Extensions.Options;
using PiriSite.Web.Extensions;
using PiriSite.Web.Options;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Services.Consultations;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

[Route("articles")]
public sealed class ArticlesController(
    PublicContentService content,
    FirmProfileService firmProfile,
    IOptions<SiteOptions> site) : Controller
{
    private const int FeedLength = 20;

    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new ArticleIndexViewModel(await content.ListArticlesAsync(cancellationToken: cancellationToken)));

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
        var shortForm = new ConsultationFormContext(
            ConsultationService.NewSharedForm(null, Request.Path), [], firm, ShowErrorSummary: false, Compact: true);
        return View(new ArticlePageViewModel(article, article.RenderedBody(), firm, shortForm));
    }
}
