using PiriSite.Web.Services.Caching;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Services;

/// <summary>What the public may read: published content in the site's language, whose time has come.</summary>
public sealed class PublicContentService(PublishedContent published, TimeProvider clock)
{
    public async Task<IReadOnlyList<PracticeAreaListItem>> ListPracticeAreasAsync(CancellationToken cancellationToken = default) =>
        (await PublicAreasAsync(cancellationToken))
            .Select(p => new PracticeAreaListItem(p.Name, p.Slug, p.Summary))
            .ToList();

    public async Task<PracticeArea?> FindPracticeAreaAsync(string slug, CancellationToken cancellationToken = default) =>
        (await PublicAreasAsync(cancellationToken)).SingleOrDefault(p => p.Slug == slug);

    public async Task<IReadOnlyList<ArticleListItem>> ListArticlesAsync(int? take = null, CancellationToken cancellationToken = default)
    {
        var articles = (await PublicArticlesAsync(cancellationToken))
            .Select(a => new ArticleListItem(a.Title, a.Slug, a.Summary, a.AuthorName, a.PublishedAt!.Value, a.UpdatedAt));
        return (take is { } limit ? articles.Take(limit) : articles).ToList();
    }

    public async Task<Article?> FindArticleAsync(string slug, CancellationToken cancellationToken = default) =>
        (await PublicArticlesAsync(cancellationToken)).SingleOrDefault(a => a.Slug == slug);

    /// <summary>Every public practice area's address and last change, for the sitemap.</summary>
    public async Task<IReadOnlyList<PageDate>> ListPracticeAreaDatesAsync(CancellationToken cancellationToken = default) =>
        (await PublicAreasAsync(cancellationToken)).Select(p => new PageDate($"/practice-areas/{p.Slug}", p.LastChangedAt())).ToList();

    /// <summary>Every public article's address and last change, for the sitemap.</summary>
    public async Task<IReadOnlyList<PageDate>> ListArticleDatesAsync(CancellationToken cancellationToken = default) =>
        (await PublicArticlesAsync(cancellationToken)).Select(a => new PageDate($"/articles/{a.Slug}", a.LastChangedAt())).ToList();

    /// <summary>The newest public articles, whole, for the feed.</summary>
    public async Task<IReadOnlyList<Article>> ListNewestArticlesAsync(int take, CancellationToken cancellationToken = default) =>
        (await PublicArticlesAsync(cancellationToken)).Take(take).ToList();

    /// <summary>The current slug of a page that used to live at <paramref name="oldSlug"/>, if it is still public.</summary>
    public async Task<string?> FindMovedSlugAsync(ContentKind kind, string oldSlug, CancellationToken cancellationToken = default)
    {
        var snapshot = await published.GetAsync(cancellationToken);
        var redirect = snapshot.Redirects.SingleOrDefault(r => r.Kind == kind && r.OldSlug == oldSlug);
        if (redirect is null)
        {
            return null;
        }

        return kind == ContentKind.Article
            ? (await PublicArticlesAsync(cancellationToken)).SingleOrDefault(a => a.Id == redirect.ContentId)?.Slug
            : (await PublicAreasAsync(cancellationToken)).SingleOrDefault(p => p.Id == redirect.ContentId)?.Slug;
    }

    // Public means: published (the copy holds only those, in this language and not deleted) and its time has come.
    private async Task<IEnumerable<Article>> PublicArticlesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await published.GetAsync(cancellationToken)).Articles
            .Where(a => a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).ThenBy(a => a.Title, StringComparer.Ordinal);
    }

    private async Task<IEnumerable<PracticeArea>> PublicAreasAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await published.GetAsync(cancellationToken)).PracticeAreas
            .Where(p => p.PublishedAt is null || p.PublishedAt <= now);
    }
}
