namespace PiriSite.Web.Services.Caching;

/// <summary>
/// A page scheduled for later becomes public by the clock alone, with no save to evict the cached pages that
/// should now show it. This watcher sleeps until the next scheduled time and evicts them then.
/// </summary>
public sealed partial class ScheduledPublicationWatcher(
    IServiceScopeFactory scopes,
    PublicPageCache cache,
    PublicationSignal signal,
    TimeProvider clock,
    ILogger<ScheduledPublicationWatcher> logger) : BackgroundService
{
    /// <summary>The longest sleep: a clock change or a missed signal is caught within this.</summary>
    private static readonly TimeSpan s_maxWait = TimeSpan.FromMinutes(1);

    private DateTime _checkedUpTo;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _checkedUpTo = clock.GetUtcNow().UtcDateTime;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var next = await CheckAsync(stoppingToken);
                var untilNext = next is { } at ? at - clock.GetUtcNow().UtcDateTime : s_maxWait;
                wait = untilNext < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100)
                    : untilNext > s_maxWait ? s_maxWait : untilNext;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogCheckFailed(logger, exception);
                wait = s_maxWait;
            }

            await signal.WaitAsync(wait, stoppingToken);
        }
    }

    /// <summary>
    /// Evicts the cached pages when a scheduled page has gone live since the last check, and tells when the
    /// next one is due (null when none is scheduled).
    /// </summary>
    public async Task<DateTime?> CheckAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();

        var from = _checkedUpTo;
        var articles = await Scheduled(db.Articles, from, cancellationToken);
        var areas = await Scheduled(db.PracticeAreas, from, cancellationToken);

        // An article that went live: the lists, and its translations' pages (their language links name it now).
        var liveArticles = articles.Where(a => a.At > from && a.At <= now).Select(a => a.TranslationKey).Distinct().ToList();
        if (liveArticles.Count > 0)
        {
            await cache.PagesWentLiveAsync(ContentKind.Article, liveArticles, cancellationToken);
        }

        if (areas.Any(a => a.At > from && a.At <= now))
        {
            await cache.PagesWentLiveAsync(ContentKind.PracticeArea, [], cancellationToken);
        }

        _checkedUpTo = now;
        return articles.Concat(areas).Select(a => a.At).Where(at => at > now).Order().Cast<DateTime?>().FirstOrDefault();
    }

    // Published pages whose publication time is after the last check: the ones that just went live, and the future ones.
    private static Task<List<ScheduledPage>> Scheduled<T>(DbSet<T> set, DateTime after, CancellationToken cancellationToken)
        where T : class, IEditableContent =>
        set.AsNoTracking()
            .Where(c => c.Status == ContentStatus.Published && c.DeletedAt == null && c.PublishedAt > after)
            .Select(c => new ScheduledPage(c.PublishedAt!.Value, c.TranslationKey))
            .ToListAsync(cancellationToken);

    private sealed record ScheduledPage(DateTime At, string TranslationKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not check for scheduled pages going live; trying again shortly")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
