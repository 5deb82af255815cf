namespace PiriSite.Web.Services.Caching;

/// <summary>
/// What the public site can show (the firm profile, published articles and practice areas, old addresses), held
/// in memory: a few dozen rows that change a few times a week, read by every page and every consultation post.
/// Reading them from SQLite on each request cost more than rendering the page (bench/RESULTS.md). The copy is
/// loaded again after any eviction of the page cache, which every save path already triggers.
/// </summary>
public sealed class PublishedContent(IServiceScopeFactory scopes, PublicPageCache cache) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _current;

    /// <summary>
    /// One consistent copy. Items are shared by every request: read them, never change them. Scheduled items are
    /// included; callers compare <c>PublishedAt</c> with the clock.
    /// </summary>
    public sealed record Snapshot(
        long Generation,
        FirmProfile? Firm,
        IReadOnlyList<Article> Articles,
        IReadOnlyList<PracticeArea> PracticeAreas,
        IReadOnlyList<SlugRedirect> Redirects);

    public async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Generation == cache.Generation)
        {
            return current;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            // Read before loading: a save during the load changes the generation, so the next read loads again.
            var generation = cache.Generation;
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

    private async Task<Snapshot> LoadAsync(long generation, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        const string culture = SiteCulture.English;
        var firm = await db.FirmProfiles.AsNoTracking().SingleOrDefaultAsync(f => f.Culture == culture, cancellationToken);
        var articles = await db.Articles.AsNoTracking()
            .Where(a => a.Culture == culture && a.Status == ContentStatus.Published && a.DeletedAt == null)
            .ToListAsync(cancellationToken);
        var areas = await db.PracticeAreas.AsNoTracking()
            .Where(p => p.Culture == culture && p.Status == ContentStatus.Published && p.DeletedAt == null)
            .OrderBy(p => p.DisplayOrder).ThenBy(p => p.Name)
            .ToListAsync(cancellationToken);
        var redirects = await db.SlugRedirects.AsNoTracking().Where(r => r.Culture == culture).ToListAsync(cancellationToken);
        return new Snapshot(generation, firm, articles, areas, redirects);
    }
}
