using PiriSite.Web.Services.Caching;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Services;

/// <summary>
/// What the public may read: published content whose time has come, in one language. Methods without a language
/// read the request's (<see cref="SiteLanguage.Current"/>, from the address).
/// </summary>
public sealed class PublicContentService(PublishedContent published, TimeProvider clock)
{
    public Task<IReadOnlyList<PracticeAreaListItem>> ListPracticeAreasAsync(CancellationToken cancellationToken = default) =>
        ListPracticeAreasAsync(SiteLanguage.Current, cancellationToken);

    public async Task<IReadOnlyList<PracticeAreaListItem>> ListPracticeAreasAsync(SiteLanguage language, CancellationToken cancellationToken = default) =>
        (await PublicAreasAsync(language, cancellationToken))
            .Select(p => new PracticeAreaListItem(p.Name, p.Slug, p.Summary))
            .ToList();

    public async Task<PracticeArea?> FindPracticeAreaAsync(string slug, CancellationToken cancellationToken = default) =>
        (await PublicAreasAsync(SiteLanguage.Current, cancellationToken)).SingleOrDefault(p => p.Slug == slug);

    public async Task<IReadOnlyList<ArticleListItem>> ListArticlesAsync(int? take = null, CancellationToken cancellationToken = default)
    {
        var articles = (await PublicArticlesAsync(SiteLanguage.Current, cancellationToken))
            .Select(a => new ArticleListItem(a.Title, a.Slug, a.Summary, a.AuthorName, a.PublishedAt!.Value, a.UpdatedAt));
        return (take is { } limit ? articles.Take(limit) : articles).ToList();
    }

    public async Task<Article?> FindArticleAsync(string slug, CancellationToken cancellationToken = default) =>
        (await PublicArticlesAsync(SiteLanguage.Current, cancellationToken)).SingleOrDefault(a => a.Slug == slug);

    /// <summary>The newest public articles of the request's language, whole, for its feed.</summary>
    public async Task<IReadOnlyList<Article>> ListNewestArticlesAsync(int take, CancellationToken cancellationToken = default) =>
        (await PublicArticlesAsync(SiteLanguage.Current, cancellationToken)).Take(take).ToList();

    /// <summary>
    /// The page in every language it is public in, this one included, in the site's language order: the
    /// hreflang links and the language switcher's targets.
    /// </summary>
    public async Task<IReadOnlyList<PageAlternate>> ListTranslationsAsync(ContentKind kind, string translationKey, CancellationToken cancellationToken = default)
    {
        var alternates = new List<PageAlternate>();
        foreach (var language in SiteLanguage.All)
        {
            var slug = kind == ContentKind.Article
                ? (await PublicArticlesAsync(language, cancellationToken)).FirstOrDefault(a => a.TranslationKey == translationKey)?.Slug
                : (await PublicAreasAsync(language, cancellationToken)).FirstOrDefault(p => p.TranslationKey == translationKey)?.Slug;
            if (slug is not null)
            {
                alternates.Add(new PageAlternate(language, SitePaths.ForKind(language, kind, slug)));
            }
        }

        return alternates;
    }

    /// <summary>Every public page of one kind in every language, with its translations, for the sitemap.</summary>
    public async Task<IReadOnlyList<SitemapPage>> ListSitemapPagesAsync(ContentKind kind, CancellationToken cancellationToken = default)
    {
        var pages = new List<(string Key, PageAlternate Page, DateTime Changed)>();
        foreach (var language in SiteLanguage.All)
        {
            IEnumerable<IEditableContent> items = kind == ContentKind.Article
                ? await PublicArticlesAsync(language, cancellationToken)
                : await PublicAreasAsync(language, cancellationToken);
            pages.AddRange(items.Select(item =>
                (item.TranslationKey, new PageAlternate(language, SitePaths.ForKind(language, kind, item.Slug)), item.LastChangedAt())));
        }

        var translations = pages.ToLookup(p => p.Key, p => p.Page, StringComparer.Ordinal);
        return pages.Select(p => new SitemapPage(p.Page.Path, p.Changed, translations[p.Key].ToList())).ToList();
    }

    /// <summary>
    /// Where a page of the request's language that used to live at <paramref name="oldSlug"/> is now, if it is
    /// still public: its current slug after a rename, or, when the slug is another language's, this language's
    /// translation of that page (a visitor who changed "/articles" to "/es/articulos" by hand).
    /// </summary>
    public async Task<string?> FindMovedSlugAsync(ContentKind kind, string oldSlug, CancellationToken cancellationToken = default)
    {
        var snapshot = await published.GetAsync(cancellationToken);
        var language = SiteLanguage.Current;
        IReadOnlyList<IEditableContent> here = kind == ContentKind.Article
            ? [.. await PublicArticlesAsync(language, cancellationToken)]
            : [.. await PublicAreasAsync(language, cancellationToken)];

        // Redirects are matched by the row they lead to, which is in one language only.
        var renamed = snapshot.Languages.Values.SelectMany(l => l.Redirects)
            .Where(r => r.Kind == kind && r.OldSlug == oldSlug)
            .Select(r => here.FirstOrDefault(item => item.Id == r.ContentId))
            .FirstOrDefault(item => item is not null);
        if (renamed is not null)
        {
            return renamed.Slug;
        }

        foreach (var other in SiteLanguage.All.Where(l => l != language))
        {
            var content = snapshot.In(other);
            var key = kind == ContentKind.Article
                ? content.Articles.FirstOrDefault(a => a.Slug == oldSlug)?.TranslationKey
                : content.PracticeAreas.FirstOrDefault(p => p.Slug == oldSlug)?.TranslationKey;
            if (key is not null && here.FirstOrDefault(item => item.TranslationKey == key) is { } translation)
            {
                return translation.Slug;
            }
        }

        return null;
    }

    // Public means: published (the copy holds only those, and not deleted) and its time has come.
    private async Task<IEnumerable<Article>> PublicArticlesAsync(SiteLanguage language, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await published.GetAsync(cancellationToken)).In(language).Articles
            .Where(a => a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).ThenBy(a => a.Title, StringComparer.Ordinal);
    }

    private async Task<IEnumerable<PracticeArea>> PublicAreasAsync(SiteLanguage language, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await published.GetAsync(cancellationToken)).In(language).PracticeAreas
            .Where(p => p.PublishedAt is null || p.PublishedAt <= now);
    }
}
