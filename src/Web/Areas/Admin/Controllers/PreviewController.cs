using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Services.Consultations;
using PiriSite.Web.Services.Seo;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// Shows staff a page as the public will see it, with the public template and layout (title, table of contents,
/// legal notice), before it is published: the editor's unsaved text (posted from the editor, so it works without
/// JavaScript) or a saved item in any state. A translation is drawn in its own language (interface text, dates,
/// firm profile and address), as at its public address. Marked as a preview, kept out of search engines, never
/// cached (admin pages are sent no-store and have no output-cache policy) and never listed in the sitemap.
/// </summary>
public sealed class PreviewController(
    ContentPreviewService previews, PublicContentService content, ConsultationNotices notices, PageContextFactory pages) : AdminController
{
    private const string ArticleView = "~/Views/Articles/Show.cshtml";
    private const string PracticeAreaView = "~/Views/PracticeAreas/Show.cshtml";

    /// <summary>The editor's text; <paramref name="id"/> (optional) is the saved article it edits.</summary>
    [HttpPost("admin/articles/preview")]
    public async Task<IActionResult> UnsavedArticle(ContentEditorForm form, int? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return await ArticleAsync(await previews.UnsavedAsync<Article>(id, form.ToSubmission(), cancellationToken), cancellationToken);
    }

    [HttpGet("admin/articles/{id:int}/preview")]
    public async Task<IActionResult> SavedArticle(int id, CancellationToken cancellationToken) =>
        await ArticleAsync(await previews.SavedAsync<Article>(id, cancellationToken), cancellationToken);

    /// <summary>The editor's text; <paramref name="id"/> (optional) is the saved practice area it edits.</summary>
    [HttpPost("admin/practice-areas/preview")]
    public async Task<IActionResult> UnsavedPracticeArea(ContentEditorForm form, int? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return await PracticeAreaAsync(await previews.UnsavedAsync<PracticeArea>(id, form.ToSubmission(), cancellationToken), cancellationToken);
    }

    [HttpGet("admin/practice-areas/{id:int}/preview")]
    public async Task<IActionResult> SavedPracticeArea(int id, CancellationToken cancellationToken) =>
        await PracticeAreaAsync(await previews.SavedAsync<PracticeArea>(id, cancellationToken), cancellationToken);

    private async Task<IActionResult> ArticleAsync(ContentPreview<Article>? preview, CancellationToken cancellationToken)
    {
        if (preview is null)
        {
            return NotFound();
        }

        var article = preview.Item;
        var language = SiteLanguage.Of(article.Culture);
        using var inLanguage = InLanguageResult.InLanguage(language);
        var page = Page(preview, language, article.PageTitle, article.PageDescription);
        var model = ArticlePageViewModel.Create(page, article, preview.Body, preview.Firm, await notices.CurrentAsync(language, cancellationToken),
            SitePaths.Article(language, article.Slug));
        return new InLanguageResult(View(ArticleView, model), language);
    }

    private async Task<IActionResult> PracticeAreaAsync(ContentPreview<PracticeArea>? preview, CancellationToken cancellationToken)
    {
        if (preview is null)
        {
            return NotFound();
        }

        var area = preview.Item;
        var language = SiteLanguage.Of(area.Culture);
        // The public list of practice areas beside it is the page language's.
        using var inLanguage = InLanguageResult.InLanguage(language);
        var publicAreas = await content.ListPracticeAreasAsync(cancellationToken);
        var model = PracticeAreaPageViewModel.Create(
            Page(preview, language, area.PageTitle, area.PageDescription), area, preview.Body, preview.Firm,
            await notices.CurrentAsync(language, cancellationToken), publicAreas,
            SitePaths.PracticeArea(language, area.Slug));
        return new InLanguageResult(View(PracticeAreaView, model), language);
    }

    private PageContext Page<T>(ContentPreview<T> preview, SiteLanguage language, string title, string description) where T : IEditableContent =>
        pages.For(Request, preview.Firm, title, description) with
        {
            NoIndex = true,
            PreviewBanner = preview.IsPublic ? "Preview: as published" : "Preview: not published",
            Language = language,
        };
}
