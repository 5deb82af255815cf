namespace PiriSite.Web.Services.Caching;

/// <summary>
/// What every public page needs, held in memory for every language: the firm profile, the consultation notice, the
/// topics, old addresses, and each published article and practice area without its body or summary
/// (<see cref="PublishedPage"/>: a few hundred bytes each, so 10,000 articles take a few megabytes; bodies would take
/// hundreds). Reading these
/// from the database on each request cost more than rendering the page (bench/RESULTS.md).
/// After a save only what changed is read again (<see cref="ContentGeneration"/> records it): one row and its
/// addresses after a page's save, the topics after theirs, the profile and notices after theirs; with several
/// instances, the same after a save on any of them (<see cref="ContentChangeChannel"/>).
/// </summary>
public sealed partial class PublishedContent(IServiceScopeFactory scopes, ContentGeneration changes) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _current;

    /// <summary>
    /// One consistent copy of every language. <see cref="Firm"/> and <see cref="PracticeAreas"/> are the request's
    /// language (<see cref="SiteLanguage.Current"/>, from the address); <see cref="In"/> names one.
    /// </summary>
    public sealed record Snapshot(long Generation, IReadOnlyDictionary<string, LanguageContent> Languages)
    {
        public LanguageContent In(SiteLanguage language)
        {
            ArgumentNullException.ThrowIfNull(language);
            return Languages.TryGetValue(language.Code, out var content)
                ? content
                : new LanguageContent(language, null, null, [], [], [], []);
        }

        public FirmProfile? Firm => In(SiteLanguage.Current).Firm;
        public IReadOnlyList<PublishedPage> PracticeAreas => In(SiteLanguage.Current).PracticeAreas;
    }

    public async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Generation == changes.Current)
        {
            return current;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            // Read before taking the changes: a save after this moves the count again, so the next read applies it.
            var generation = changes.Current;
            if (current is not null && current.Generation == generation)
            {
                return current;
            }

            // Not the request's token: a visitor who leaves mid-load must not cost everyone a full reload.
            var changed = changes.TakeChanges();
            try
            {
                current = current is null || changed.Contains(ContentChange.Everything)
                    ? await LoadAsync(generation, CancellationToken.None)
                    : await ApplyAsync(current, changed, generation, CancellationToken.None);
            }
            catch
            {
                // Not lost: the next read starts from nothing and loads everything.
                Volatile.Write(ref _current, null);
                throw;
            }

            Volatile.Write(ref _current, current);
            return current;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    private static IQueryable<PageRow> ArticleRows(IQueryable<Article> articles) =>
        articles.AsNoTracking()
            .Where(a => a.Status == ContentStatus.Published && a.DeletedAt == null)
            .Select(a => new PageRow(a.Id, a.Culture, a.TranslationKey, a.Slug, a.Title, a.AuthorName, a.PublishedAt, a.UpdatedAt, 0));

    private static IQueryable<PageRow> PracticeAreaRows(IQueryable<PracticeArea> areas) =>
        areas.AsNoTracking()
            .Where(p => p.Status == ContentStatus.Published && p.DeletedAt == null)
            .Select(p => new PageRow(p.Id, p.Culture, p.TranslationKey, p.Slug, p.Name, "", p.PublishedAt, p.UpdatedAt, p.DisplayOrder));

    // Everything, for all languages at once, split by culture in memory. No column of a body is read.
    private async Task<Snapshot> LoadAsync(long generation, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var (firms, notices) = await LoadFirmAsync(db, cancellationToken);
        var topics = await LoadTopicsAsync(db, cancellationToken);
        var topicsOf = await LoadTopicLinksAsync(db, cancellationToken);
        var articles = await ArticleRows(db.Articles).ToListAsync(cancellationToken);
        var areas = await PracticeAreaRows(db.PracticeAreas).ToListAsync(cancellationToken);
        var redirects = await db.SlugRedirects.AsNoTracking().ToListAsync(cancellationToken);

        var languages = SiteLanguage.All.ToDictionary(
            language => language.Code,
            language => new LanguageContent(
                language,
                firms.FirstOrDefault(f => f.Culture == language.Code),
                notices.FirstOrDefault(n => n.Culture == language.Code),
                articles.Where(a => a.Culture == language.Code).Select(a => a.ToPage(ContentKind.Article, topicsOf[a.Id])),
                areas.Where(p => p.Culture == language.Code).Select(p => p.ToPage(ContentKind.PracticeArea, [])),
                topics.Where(t => t.Culture == language.Code).Select(ToPublished),
                redirects.Where(r => r.Culture == language.Code)),
            StringComparer.Ordinal);
        return new Snapshot(generation, languages);
    }

    // Only what changed: a page's row and its old addresses; the topics and their links; the profile and notices.
    private async Task<Snapshot> ApplyAsync(Snapshot current, IReadOnlyList<ContentChange> changed, long generation, CancellationToken cancellationToken)
    {
        if (changed.Count == 0)
        {
            return current with { Generation = generation };
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var languages = current.Languages.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);

        if (changed.Any(c => c.Scope == ContentChangeScope.Firm))
        {
            var (firms, notices) = await LoadFirmAsync(db, cancellationToken);
            foreach (var (code, content) in languages)
            {
                languages[code] = new LanguageContent(content.Language, firms.FirstOrDefault(f => f.Culture == code),
                    notices.FirstOrDefault(n => n.Culture == code), content.Articles, content.PracticeAreas, content.Topics, content.Redirects);
            }
        }

        if (changed.Any(c => c.Scope == ContentChangeScope.Topics))
        {
            var topics = await LoadTopicsAsync(db, cancellationToken);
            var topicsOf = await LoadTopicLinksAsync(db, cancellationToken);
            var renamed = await db.SlugRedirects.AsNoTracking().Where(r => r.Kind == ContentKind.Topic).ToListAsync(cancellationToken);
            foreach (var (code, content) in languages)
            {
                languages[code] = content.With(
                    topics: topics.Where(t => t.Culture == code).Select(ToPublished),
                    articles: content.Articles.Select(a => a with { TopicIds = [.. topicsOf[a.Id]] }),
                    redirects: content.Redirects.Where(r => r.Kind != ContentKind.Topic).Concat(renamed.Where(r => r.Culture == code)));
            }
        }

        await ReloadPagesAsync(db, ContentKind.Article, changed, languages, cancellationToken);
        await ReloadPagesAsync(db, ContentKind.PracticeArea, changed, languages, cancellationToken);
        return new Snapshot(generation, languages);
    }

    private static async Task ReloadPagesAsync(
        SiteDbContext db, ContentKind kind, IReadOnlyList<ContentChange> changed, Dictionary<string, LanguageContent> languages, CancellationToken cancellationToken)
    {
        var scope = kind == ContentKind.Article ? ContentChangeScope.Article : ContentChangeScope.PracticeArea;
        var ids = changed.Where(c => c.Scope == scope).Select(c => c.Id).ToHashSet();
        if (ids.Count == 0)
        {
            return;
        }

        var rows = await (kind == ContentKind.Article
            ? ArticleRows(db.Articles.Where(a => ids.Contains(a.Id)))
            : PracticeAreaRows(db.PracticeAreas.Where(p => ids.Contains(p.Id)))).ToListAsync(cancellationToken);
        var topicsOf = kind == ContentKind.Article
            ? (await db.ArticleTopics.AsNoTracking().Where(l => ids.Contains(l.ArticleId)).ToListAsync(cancellationToken))
                .ToLookup(l => l.ArticleId, l => l.TopicId)
            : Enumerable.Empty<ArticleTopic>().ToLookup(l => l.ArticleId, l => l.TopicId);
        var redirects = await db.SlugRedirects.AsNoTracking()
            .Where(r => r.Kind == kind && ids.Contains(r.ContentId)).ToListAsync(cancellationToken);

        foreach (var (code, content) in languages)
        {
            // A row is in one language; it may have left the public site (a draft, deleted), so it is removed everywhere first.
            var pages = content.Pages(kind).Where(p => !ids.Contains(p.Id))
                .Concat(rows.Where(r => r.Culture == code).Select(r => r.ToPage(kind, topicsOf[r.Id])));
            // A page that takes an old address deletes the redirect another page had there (MoveSlugAsync).
            var newSlugs = rows.Where(r => r.Culture == code).Select(r => r.Slug).ToHashSet(StringComparer.Ordinal);
            var moved = content.Redirects.Where(r => r.Kind != kind || !(ids.Contains(r.ContentId) || newSlugs.Contains(r.OldSlug)))
                .Concat(redirects.Where(r => r.Culture == code));
            languages[code] = kind == ContentKind.Article
                ? content.With(articles: pages, redirects: moved)
                : content.With(practiceAreas: pages, redirects: moved);
        }
    }

    private static async Task<(List<FirmProfile> Firms, List<ConsultationNoticeVersion> Notices)> LoadFirmAsync(SiteDbContext db, CancellationToken cancellationToken)
    {
        var firms = await db.FirmProfiles.AsNoTracking().ToListAsync(cancellationToken);
        // The consultation notice in force in each language: its latest version.
        var notices = await db.ConsultationNoticeVersions.AsNoTracking()
            .Where(v => v.Number == db.ConsultationNoticeVersions.Where(o => o.Culture == v.Culture).Max(o => o.Number))
            .ToListAsync(cancellationToken);
        return (firms, notices);
    }

    private static Task<List<Topic>> LoadTopicsAsync(SiteDbContext db, CancellationToken cancellationToken) =>
        db.Topics.AsNoTracking().ToListAsync(cancellationToken);

    private static async Task<ILookup<int, int>> LoadTopicLinksAsync(SiteDbContext db, CancellationToken cancellationToken) =>
        (await db.ArticleTopics.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(l => l.ArticleId, l => l.TopicId);

    private static PublishedTopic ToPublished(Topic topic) =>
        new(topic.Id, topic.TranslationKey, topic.Name, topic.Slug, topic.Description, topic.DisplayOrder, topic.UpdatedAt);

    private sealed record PageRow(
        int Id, string Culture, string TranslationKey, string Slug, string Title, string AuthorName,
        DateTime? PublishedAt, DateTime UpdatedAt, int DisplayOrder)
    {
        public PublishedPage ToPage(ContentKind kind, IEnumerable<int> topicIds) =>
            new(kind, Id, TranslationKey, Slug, Title, AuthorName, PublishedAt, UpdatedAt, DisplayOrder, [.. topicIds.Order()]);
    }
}
