using Microsoft.Extensions.Localization;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Services.Seo;

namespace PiriSite.Web.ViewModels;

/// <summary>
/// A page of an article index: every article of the language, or one topic's (<see cref="Topic"/>). The list lives at
/// <see cref="ListPath"/> (page 1) and ".../page/N"; <see cref="Topics"/> are the language's topics with articles.
/// </summary>
public sealed record ArticleIndexViewModel(
    PageContext Page, string Heading, string Lead, ArticleListPage List, string ListPath, IReadOnlyList<PublishedTopic> Topics, PublishedTopic? Topic)
    : IPublicPage;

public sealed record ArticlePageViewModel(PageContext Page, Article Article, RenderedMarkdown Body, FirmProfile Firm, ConsultationFormContext ShortForm)
    : IPublicPage
{
    /// <summary>The topics the article is filed under, linked to their indexes.</summary>
    public IReadOnlyList<PublishedTopic> Topics { get; init; } = [];

    /// <summary>Up to three articles sharing its topics.</summary>
    public IReadOnlyList<ArticleListItem> Related { get; init; } = [];

    /// <summary>
    /// An article's page, public or previewed by staff; its short form is the shared (cacheable) one. The trail is
    /// in the page's language, its names from <paramref name="text"/> (English without one).
    /// </summary>
    public static ArticlePageViewModel Create(
        PageContext page, Article article, RenderedMarkdown body, FirmProfile firm, ConsultationNoticeVersion? notice, string path,
        IStringLocalizer? text = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(article);
        var shortForm = new ConsultationFormContext(
            ConsultationFormViewModel.Shared(null, path), [], firm, notice, ShowErrorSummary: false, Compact: true);
        var language = page.Language;
        Breadcrumb[] trail =
        [
            new(text?["Home"] ?? "Home", SitePaths.Home(language)),
            new(text?["Articles"] ?? "Articles", SitePaths.Section(language, SiteSection.Articles)),
            new(article.Title, SitePaths.Article(language, article.Slug)),
        ];
        return new ArticlePageViewModel(page with { Breadcrumbs = trail, Article = article, Section = SiteSection.Articles }, article, body, firm, shortForm);
    }
}
