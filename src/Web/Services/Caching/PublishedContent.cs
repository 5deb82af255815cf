namespace PiriSite.Web.Services.Caching;

/// <summary>
/// What the public site can show (the firm profile, published articles and practice areas, old addresses) in every
/// language, held in memory: a few dozen rows per language that change a few times a week, read by every page and
/// every consultation post. Reading them from SQLite on each request cost more than rendering the page
/// (bench/RESULTS.md). The copy is loaded again after any eviction of the page cache, which every save path
/// already triggers; with several instances, after a save on any of them (<see cref="ContentChangeChannel"/>).
/// </summary>
public sealed class PublishedContent(IServiceScopeFactory scopes, ContentGeneration changes) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _current;

    /// <summary>One language's published content. Items are shared by every request: read them, never change them.</summary>
    public sealed record LanguageContent(
        SiteLanguage Language,
        FirmProfile? Firm,
        IReadOnlyList<Article> Articles,
        IReadOnlyList<PracticeArea> PracticeAreas,
        IReadOnlyList<SlugRedirect> Redirects,
        ConsultationNoticeVersion? Notice = null);

    /// <summary>
    /// One consistent copy of every language. Scheduled items are included; callers compare <c>PublishedAt</c>
    /// with the clock. <see cref="Firm"/>, <see cref="Articles"/>, <see cref="PracticeAreas"/> and
    /// <see cref="Redirects"/> are the request's language (<see cref="SiteLanguage.Current"/>, from the address);
    /// <see cref="In"/> names one.
    /// </summary>
    public sealed record Snapshot(long Generation, IReadOnlyDictionary<string, LanguageContent> Languages)
    {
        public LanguageContent In(SiteLanguage language)
        {
            ArgumentNullException.ThrowIfNull(language);
            return Languages.TryGetValue(language.Code, out var content)
                ? content
                : new LanguageContent(language, null, [], [], []);
        }

        public FirmProfile? Firm => In(SiteLanguage.Current).Firm;
        public IReadOnlyList<Article> Articles => In(SiteLanguage.Current).Articles;
        public IReadOnlyList<PracticeArea> PracticeAreas => In(SiteLanguage.Current).PracticeAreas;
        public IReadOnlyList<SlugRedirect> Redirects => In(SiteLanguage.Current).Redirects;
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
            // Read before loading: a save during the load changes the generation, so the next read loads again.
            var generation = changes.Current;
            if (current is not null && current.Generation == generation)
            {
                return current;
            }

            current = await LoadAsync(generation, cancellationToken);
            Volatile.Write(ref _current, current);
            return current;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    // Five queries for all languages at once, split by culture in memory: the site has a few dozen rows.
    private async Task<Snapshot> LoadAsync(long generation, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var firms = await db.FirmProfiles.AsNoTracking().ToListAsync(cancellationToken);
        var articles = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ContentStatus.Published && a.DeletedAt == null)
            .ToListAsync(cancellationToken);
        var areas = await db.PracticeAreas.AsNoTracking()
            .Where(p => p.Status == ContentStatus.Published && p.DeletedAt == null)
            .OrderBy(p => p.DisplayOrder).ThenBy(p => p.Name)
            .ToListAsync(cancellationToken);
        var redirects = await db.SlugRedirects.AsNoTracking().ToListAsync(cancellationToken);
        // The consultation notice in force in each language: its latest version.
        var notices = await db.ConsultationNoticeVersions.AsNoTracking()
            .Where(v => v.Number == db.ConsultationNoticeVersions.Where(o => o.Culture == v.Culture).Max(o => o.Number))
            .ToListAsync(cancellationToken);

        var languages = SiteLanguage.All.ToDictionary(
            language => language.Code,
            language => new LanguageContent(
                language,
                firms.FirstOrDefault(f => f.Culture == language.Code),
                articles.Where(a => a.Culture == language.Code).ToList(),
                areas.Where(p => p.Culture == language.Code).ToList(),
                redirects.Where(r => r.Culture == language.Code).ToList(),
                notices.FirstOrDefault(n => n.Culture == language.Code)),
            StringComparer.Ordinal);
        return new Snapshot(generation, languages);
    }
}
