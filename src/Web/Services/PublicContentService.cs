using PiriSite.Web.Services.Caching;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Services;

/// <summary>
/// What the public may read: published content whose time has come, in one language. Lists, links and navigation
/// come from the copy in memory (<see cref="PublishedContent"/>); a page's body is read from the database when the
/// page is rendered. Methods without a language read the request's (<see cref="SiteLanguage.Current"/>, from the address).
/// </summary>
public sealed class PublicContentService(PublishedContent published, SiteDbContext db, TimeProvider clock)
{
    /// <summary>How many related articles an article's page lists at most.</summary>
    public const int RelatedArticleCount = 3;

    public Task<IReadOnlyList<PracticeAreaListItem>> ListPracticeAreasAsync(CancellationToken cancellationToken = default) =>
        ListPracticeAreasAsync(SiteLanguage.Current, cancellationToken);

    public async Task<IReadOnlyList<PracticeAreaListItem>> ListPracticeAreasAsync(SiteLanguage language, CancellationToken cancellationToken = default)
    {
        var areas = (await PublicPagesAsync(ContentKind.PracticeArea, language, cancellationToken)).ToList();
        var summaries = await SummariesAsync<PracticeArea>(areas, cancellationToken);
        return areas.Select(p => new PracticeAreaListItem(p.Title, p.Slug, summaries.GetValueOrDefault(p.Id, ""))).ToList();
    }

    /// <summary>A public practice area of the request's language, whole (its body read now), or null.</summary>
    public async Task<PracticeArea?> FindPracticeAreaAsync(string slug, CancellationToken cancellationToken = default) =>
        await FindPublicAsync(ContentKind.PracticeArea, slug, cancellationToken) is { } page
            ? await db.PracticeAreas.AsNoTracking().SingleOrDefaultAsync(
                p => p.Id == page.Id && p.Status == ContentStatus.Published && p.DeletedAt == null, cancellationToken)
            : null;

    /// <summary>Page <paramref name="page"/> of the request's language's articles, newest first; null when there is no such page.</summary>
    public async Task<ArticleListPage?> ListArticlesAsync(int page, CancellationToken cancellationToken = default) =>
        await PageOfAsync(await PublicPagesAsync(ContentKind.Article, SiteLanguage.Current, cancellationToken), page, cancellationToken);

    /// <summary>The newest articles of the request's language, for the home page.</summary>
    public async Task<IReadOnlyList<ArticleListItem>> ListLatestArticlesAsync(int take, CancellationToken cancellationToken = default) =>
        await CardsAsync([.. (await PublicPagesAsync(ContentKind.Article, SiteLanguage.Current, cancellationToken)).Take(take)], cancellationToken);

    /// <summary>The request's language's topics that have at least one public article, in their order.</summary>
    public async Task<IReadOnlyList<PublishedTopic>> ListTopicsAsync(CancellationToken cancellationToken = default)
    {
        var articles = await PublicPagesAsync(ContentKind.Article, SiteLanguage.Current, cancellationToken);
        var used = articles.SelectMany(a => a.TopicIds).ToHashSet();
        return (await published.GetAsync(cancellationToken)).In(SiteLanguage.Current).Topics.Where(t => used.Contains(t.Id)).ToList();
    }

    public async Task<PublishedTopic?> FindTopicAsync(string slug, CancellationToken cancellationToken = default) =>
        (await published.GetAsync(cancellationToken)).In(SiteLanguage.Current).TopicsBySlug.GetValueOrDefault(slug);

    /// <summary>The topic of the request's language that was at <paramref name="oldSlug"/> before staff renamed it, or null.</summary>
    public async Task<PublishedTopic?> FindMovedTopicAsync(string oldSlug, CancellationToken cancellationToken = default) =>
        (await published.GetAsync(cancellationToken)).In(SiteLanguage.Current).RenamedTopic(oldSlug);

    /// <summary>Page <paramref name="page"/> of the articles filed under <paramref name="topic"/>, newest first; null when there is no such page.</summary>
    public async Task<ArticleListPage?> ListTopicArticlesAsync(PublishedTopic topic, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var articles = await PublicPagesAsync(ContentKind.Article, SiteLanguage.Current, cancellationToken);
        return await PageOfAsync(articles.Where(a => a.TopicIds.Contains(topic.Id)), page, cancellationToken);
    }

    /// <summary>
    /// The topic in every language it has a page in (a public article filed under it), for the hreflang links and the
    /// language switcher.
    /// </summary>
    public async Task<IReadOnlyList<PageAlternate>> ListTopicTranslationsAsync(PublishedTopic topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var snapshot = await published.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return SiteLanguage.All
            .Select(language => snapshot.In(language) is var content
                && content.Topics.FirstOrDefault(t => t.TranslationKey == topic.TranslationKey) is { } translation
                && content.Articles.Any(a => a.TopicIds.Contains(translation.Id) && a.IsPublicAt(now))
                    ? new PageAlternate(language, SitePaths.Topic(language, translation.Slug))
                    : null)
            .OfType<PageAlternate>()
            .ToList();
    }

    /// <summary>A public article of the request's language, whole (its body read now), with its topics and related articles; or null.</summary>
    public async Task<ArticleDetail?> FindArticleAsync(string slug, CancellationToken cancellationToken = default)
    {
        if (await FindPublicAsync(ContentKind.Article, slug, cancellationToken) is not { } page
            // Checked again in the row: a save may have taken it off the site a moment before the copy heard of it.
            || await db.Articles.AsNoTracking().SingleOrDefaultAsync(
                a => a.Id == page.Id && a.Status == ContentStatus.Published && a.DeletedAt == null, cancellationToken) is not { } article)
        {
            return null;
        }

        var content = (await published.GetAsync(cancellationToken)).In(SiteLanguage.Current);
        var topics = content.Topics.Where(t => page.TopicIds.Contains(t.Id)).ToList();
        var related = Related(content, page, clock.GetUtcNow().UtcDateTime);
        return new ArticleDetail(article, topics, await CardsAsync(related, cancellationToken)) { RelatedKeys = [.. related.Select(r => r.TranslationKey)] };
    }

    /// <summary>The newest public articles of the request's language, whole, for its feed.</summary>
    public async Task<IReadOnlyList<Article>> ListNewestArticlesAsync(int take, CancellationToken cancellationToken = default)
    {
        var newest = (await PublicPagesAsync(ContentKind.Article, SiteLanguage.Current, cancellationToken)).Take(take).Select(a => a.Id).ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => newest.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        return newest.Where(articles.ContainsKey).Select(id => articles[id]).ToList();
    }

    /// <summary>
    /// The page in every language it is public in, this one included, in the site's language order: the
    /// hreflang links and the language switcher's targets.
    /// </summary>
    public async Task<IReadOnlyList<PageAlternate>> ListTranslationsAsync(ContentKind kind, string translationKey, CancellationToken cancellationToken = default) =>
        Translations(await published.GetAsync(cancellationToken), kind, translationKey, clock.GetUtcNow().UtcDateTime);

    /// <summary>Every public page of one kind in <paramref name="language"/>, with its translations, for that language's sitemap.</summary>
    public async Task<IReadOnlyList<SitemapPage>> ListSitemapPagesAsync(ContentKind kind, SiteLanguage language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(language);
        var snapshot = await published.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return (await PublicPagesAsync(kind, language, cancellationToken))
            .Select(page => new SitemapPage(SitePaths.ForKind(language, kind, page.Slug), page.LastChangedAt, Translations(snapshot, kind, page.TranslationKey, now)))
            .ToList();
    }

    /// <summary>The topic indexes of <paramref name="language"/> for its sitemap (only topics with public articles), each dated by its newest change.</summary>
    public async Task<IReadOnlyList<SitemapPage>> ListTopicSitemapPagesAsync(SiteLanguage language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(language);
        var snapshot = await published.GetAsync(cancellationToken);
        var articles = await PublicPagesAsync(ContentKind.Article, language, cancellationToken);
        var pages = new List<SitemapPage>();
        foreach (var topic in snapshot.In(language).Topics)
        {
            var filed = articles.Where(a => a.TopicIds.Contains(topic.Id)).ToList();
            if (filed.Count == 0)
            {
                continue;
            }

            var changed = filed.Max(a => a.LastChangedAt);
            pages.Add(new SitemapPage(SitePaths.Topic(language, topic.Slug), changed > topic.UpdatedAt ? changed : topic.UpdatedAt,
                await ListTopicTranslationsAsync(topic, cancellationToken)));
        }

        return pages;
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
        var now = clock.GetUtcNow().UtcDateTime;
        var here = snapshot.In(language).Pages(kind).Where(p => p.IsPublicAt(now)).ToDictionary(p => p.Id);

        // Redirects are matched by the row they lead to, which is in one language only.
        var renamed = snapshot.Languages.Values.SelectMany(l => l.Redirects)
            .Where(r => r.Kind == kind && r.OldSlug == oldSlug)
            .Select(r => here.GetValueOrDefault(r.ContentId))
            .FirstOrDefault(page => page is not null);
        if (renamed is not null)
        {
            return renamed.Slug;
        }

        var byKey = snapshot.In(language).PagesByKey(kind);
        foreach (var other in SiteLanguage.All.Where(l => l != language))
        {
            if (snapshot.In(other).PagesBySlug(kind).GetValueOrDefault(oldSlug) is { } page
                && byKey.GetValueOrDefault(page.TranslationKey) is { } translation && translation.IsPublicAt(now))
            {
                return translation.Slug;
            }
        }

        return null;
    }

    private static List<PageAlternate> Translations(PublishedContent.Snapshot snapshot, ContentKind kind, string translationKey, DateTime now) =>
        SiteLanguage.All
            .Select(language => snapshot.In(language).PagesByKey(kind).GetValueOrDefault(translationKey) is { } page && page.IsPublicAt(now)
                ? new PageAlternate(language, SitePaths.ForKind(language, kind, page.Slug))
                : null)
            .OfType<PageAlternate>()
            .ToList();

    // Up to three public articles sharing the most topics with this one, the newest first among equals.
    private static List<PublishedPage> Related(PublishedContent.LanguageContent content, PublishedPage article, DateTime now)
    {
        if (article.TopicIds.Count == 0)
        {
            return [];
        }

        // The list is newest first and OrderByDescending is stable, so ties stay in date order.
        return content.Articles
            .Where(a => a.Id != article.Id && a.IsPublicAt(now))
            .Select(a => (Article: a, Shared: a.TopicIds.Count(article.TopicIds.Contains)))
            .Where(a => a.Shared > 0)
            .OrderByDescending(a => a.Shared)
            .Take(RelatedArticleCount)
            .Select(a => a.Article)
            .ToList();
    }

    private async Task<ArticleListPage?> PageOfAsync(IEnumerable<PublishedPage> articles, int number, CancellationToken cancellationToken)
    {
        var paging = new Paging(number, Paging.PublicPageSize, articles.Count());
        return paging.Exists
            ? new ArticleListPage(await CardsAsync([.. articles.Skip(paging.Skip).Take(paging.Size)], cancellationToken), paging)
            : null;
    }

    private async Task<IReadOnlyList<ArticleListItem>> CardsAsync(List<PublishedPage> articles, CancellationToken cancellationToken)
    {
        // An article without related ones asks for no cards: no query.
        Dictionary<int, string> summaries = articles.Count == 0 ? new() : await SummariesAsync<Article>(articles, cancellationToken);
        return articles.Select(a => ArticleListItem.Of(a, summaries.GetValueOrDefault(a.Id, ""))).ToList();
    }

    // Summaries are not kept in memory (they would be most of it): read for just the cards a page shows.
    private Task<Dictionary<int, string>> SummariesAsync<T>(IEnumerable<PublishedPage> pages, CancellationToken cancellationToken)
        where T : class, IEditableContent
    {
        var ids = pages.Select(p => p.Id).ToList();
        return db.Set<T>().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Summary }).ToDictionaryAsync(c => c.Id, c => c.Summary, cancellationToken);
    }

    private async Task<PublishedPage?> FindPublicAsync(ContentKind kind, string slug, CancellationToken cancellationToken) =>
        (await published.GetAsync(cancellationToken)).In(SiteLanguage.Current).PagesBySlug(kind).GetValueOrDefault(slug) is { } page
            && page.IsPublicAt(clock.GetUtcNow().UtcDateTime)
            ? page
            : null;

    // Public means: published (the copy holds only those, and not deleted) and its time has come.
    // Read as it is enumerated, not copied: an index page counts 10,000 entries and takes 20; the home page takes 3.
    private async Task<IEnumerable<PublishedPage>> PublicPagesAsync(ContentKind kind, SiteLanguage language, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await published.GetAsync(cancellationToken)).In(language).Pages(kind).Where(p => p.IsPublicAt(now));
    }
}
