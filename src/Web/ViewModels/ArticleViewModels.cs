using PiriSite.Web.Services.Seo;

namespace PiriSite.Web.ViewModels;

public sealed record ArticleIndexViewModel(PageContext Page, IReadOnlyList<ArticleListItem> Articles) : IPublicPage;

public sealed record ArticlePageViewModel(PageContext Page, Article Article, RenderedMarkdown Body, FirmProfile Firm, ConsultationFormContext ShortForm)
    : IPublicPage
{
    /// <summary>An article's page, public or previewed by staff; its short form is the shared (cacheable) one.</summary>
    public static ArticlePageViewModel Create(PageContext page, Article article, RenderedMarkdown body, FirmProfile firm, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(article);
        var shortForm = new ConsultationFormContext(
            ConsultationFormViewModel.Shared(null, path), [], firm, ShowErrorSummary: false, Compact: true);
        Breadcrumb[] trail = [new("Home", "/"), new("Articles", "/articles"), new(article.Title, $"/articles/{article.Slug}")];
        return new ArticlePageViewModel(page with { Breadcrumbs = trail, Article = article }, article, body, firm, shortForm);
    }
}
