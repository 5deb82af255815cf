using Microsoft.AspNetCore.Mvc;
using PiriSite.Domain.Content;
using PiriSite.Web.Services;
using PiriSite.Web.Services.Consultations;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

[Route("articles")]
public sealed class ArticlesController(
    PublicContentService content,
    FirmProfileService firmProfile,
    ConsultationService consultations,
    MarkdownRenderer markdown) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new ArticleIndexViewModel(await content.ListArticlesAsync(cancellationToken: cancellationToken)));

    [HttpGet("{slug}")]
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
            consultations.NewForm(null, Request.Path), [], firm, ShowErrorSummary: false, Compact: true);
        return View(new ArticlePageViewModel(article, markdown.Render(article.BodyMarkdown), firm, shortForm));
    }
}
