using System.Security.Claims;
using PiriSite.Domain.Advertising;

namespace PiriSite.Web.Services.Advertising;

/// <summary>
/// Captures each queued publication once it is public: the page at its current address, as the public is served
/// it (<see cref="PageSnapshotter"/>), stored with its text compared to the page's snapshot before it. Woken by
/// <see cref="AdvertisingCaptureSignal"/> after a save, at a scheduled page's time, or every minute.
/// </summary>
/// <remarks>
/// A queued publication whose page is not public when it comes due (made a draft, deleted, or scheduled for later
/// since) is dropped: it never went public, and every save that leaves a page published queues its own entry, so a
/// new time has its own. Queued entries are not snapshots; only captured ones are kept for good. A page that cannot
/// be fetched is tried again with growing waits, and never stops the others. With several instances, one captures at
/// a time (under a <see cref="ClusterLock"/>) and the others skip that round: two would fetch the same queued entry, and
/// the evidence trigger refuses the second's capture; two archive starts would queue every page twice.
/// </remarks>
public sealed partial class AdvertisingCaptureWorker(
    IServiceScopeFactory scopes,
    AdvertisingCaptureSignal signal,
    PiriSite.Web.Services.Caching.ScheduledPublicationWatcher scheduledPages,
    IHostApplicationLifetime lifetime,
    IOptions<AdvertisingOptions> options,
    TimeProvider clock,
    ILogger<AdvertisingCaptureWorker> logger) : BackgroundService
{
    /// <summary>What the entries the archive starts with say.</summary>
    public const string StartReason = "Archive started";

    private const int BatchSize = 10;

    private const string CaptureLockName = "advertising-capture";

    private static readonly TimeSpan s_maxWait = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan s_maxRetryWait = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly Dictionary<long, (int Failures, DateTime RetryAt)> _failures = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The pages are fetched from this server: it must be listening first.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        if (options.Value.ArchiveSiteOnStart)
        {
            await RunLoggedAsync(() => ArchiveStartAsync(stoppingToken));
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            DateTime? next = null;
            await RunLoggedAsync(async () => next = await CaptureDueAsync(stoppingToken));
            var untilNext = next is { } at ? at - clock.GetUtcNow().UtcDateTime : s_maxWait;
            await signal.WaitAsync(untilNext < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100)
                : untilNext > s_maxWait ? s_maxWait : untilNext, stoppingToken);
        }
    }

    /// <summary>
    /// Once, when the archive has never started: queues every page the public can see, in every language, so the
    /// archive begins with what the site says today. Returns how many it queued.
    /// </summary>
    public async Task<int> ArchiveStartAsync(CancellationToken cancellationToken = default)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            await using var turn = await ClusterLock.TryTakeAsync(db, CaptureLockName, cancellationToken);
            if (turn is null || await db.AdvertisingSnapshots.AnyAsync(s => s.Reason == StartReason, cancellationToken))
            {
                return 0;
            }

            var archive = scope.ServiceProvider.GetRequiredService<AdvertisingArchive>();
            var site = new ClaimsPrincipal(new ClaimsIdentity());
            var pages = await db.PublicPagesAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
            pages.ForEach(page => archive.Queue(page.Kind, page.TranslationKey, page.Culture, site, StartReason, publishedByName: "PiriSite"));
            await db.SaveChangesAsync(cancellationToken);
            LogStarted(logger, pages.Count);
            return pages.Count;
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>Captures every queued publication that is due; returns when the next one is (null when none is queued).</summary>
    public async Task<DateTime?> CaptureDueAsync(CancellationToken cancellationToken = default)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            // A scheduled page goes public by the clock alone: the cached lists that should now show it are evicted
            // first, or a list captured at that moment would be the one from before.
            await scheduledPages.CheckAsync(cancellationToken);
            await using (var lockScope = scopes.CreateAsyncScope())
            await using (var turn = await ClusterLock.TryTakeAsync(lockScope.ServiceProvider.GetRequiredService<SiteDbContext>(), CaptureLockName, cancellationToken))
            {
                if (turn is null)
                {
                    // Another instance is capturing: this one looks again at the next round.
                    return null;
                }

                await CaptureQueuedAsync(cancellationToken);
            }

            return await NextDueAsync(cancellationToken);
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task CaptureQueuedAsync(CancellationToken cancellationToken)
    {
        int count;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            var snapshotter = scope.ServiceProvider.GetRequiredService<PageSnapshotter>();
            var now = clock.GetUtcNow().UtcDateTime;
            var waiting = _failures.Where(f => f.Value.RetryAt > now).Select(f => f.Key).ToList();
            var due = await db.AdvertisingSnapshots
                .Where(s => s.CapturedAt == null && s.PublishedAt <= now && !waiting.Contains(s.Id))
                .OrderBy(s => s.PublishedAt).ThenBy(s => s.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var pending in due)
            {
                await CaptureAsync(db, snapshotter, pending, cancellationToken);
            }

            count = due.Count;
        }
        while (count == BatchSize);
    }

    public override void Dispose()
    {
        _running.Dispose();
        base.Dispose();
    }

    private async Task CaptureAsync(SiteDbContext db, PageSnapshotter snapshotter, AdvertisingSnapshot pending, CancellationToken cancellationToken)
    {
        var path = await db.CurrentPathAsync(pending, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (path is null)
        {
            db.AdvertisingSnapshots.Remove(pending);
            await db.SaveChangesAsync(cancellationToken);
            LogDropped(logger, pending.Id, pending.PageKey, pending.Culture);
            return;
        }

        PageSnapshot page;
        try
        {
            page = await snapshotter.TakeAsync(path, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var failures = (_failures.TryGetValue(pending.Id, out var before) ? before.Failures : 0) + 1;
            var wait = TimeSpan.FromSeconds(30 * Math.Pow(2, Math.Min(failures - 1, 10)));
            _failures[pending.Id] = (failures, clock.GetUtcNow().UtcDateTime + (wait < s_maxRetryWait ? wait : s_maxRetryWait));
            LogFailed(logger, pending.Id, path, failures, exception.GetType().Name, (int?)(exception as HttpRequestException)?.StatusCode);
            return;
        }

        var previous = await db.AdvertisingSnapshots.AsNoTracking()
            .Where(s => s.PageKey == pending.PageKey && s.Culture == pending.Culture && s.CapturedAt != null)
            .OrderByDescending(s => s.CapturedAt).ThenByDescending(s => s.Id)
            .Select(s => s.TextHash)
            .FirstOrDefaultAsync(cancellationToken);
        pending.Capture(clock.GetUtcNow().UtcDateTime, path, page.Title, page.Html, page.Text, page.TextHash, previous);
        await db.SaveChangesAsync(cancellationToken);
        _failures.Remove(pending.Id);
        LogCaptured(logger, pending.Id, path, pending.FilingState);
    }

    // The next queued time still to come, or a failed capture's next try, whichever is sooner.
    private async Task<DateTime?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var scheduled = await db.AdvertisingSnapshots
            .Where(s => s.CapturedAt == null && s.PublishedAt > now)
            .OrderBy(s => s.PublishedAt)
            .Select(s => (DateTime?)s.PublishedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return _failures.Values.Select(f => (DateTime?)f.RetryAt).Append(scheduled).Where(at => at is not null).Min();
    }

    private async Task RunLoggedAsync(Func<Task> round)
    {
        try
        {
            await round();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The database itself failed: the queued entries stay queued and the next round tries again.
            LogRoundFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Advertising archive started: {Count} public pages queued for their first snapshot")]
    private static partial void LogStarted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Advertising snapshot {SnapshotId} of {Path} captured ({FilingState})")]
    private static partial void LogCaptured(ILogger logger, long snapshotId, string path, AdvertisingFilingState filingState);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued advertising snapshot {SnapshotId} ({PageKey}, {Culture}) dropped: the page is not public now")]
    private static partial void LogDropped(ILogger logger, long snapshotId, string pageKey, string culture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Advertising snapshot {SnapshotId} of {Path} not captured (attempt {Failures}, {ErrorType}, status {StatusCode}); it will be tried again")]
    private static partial void LogFailed(ILogger logger, long snapshotId, string path, int failures, string errorType, int? statusCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Advertising capture round failed; queued pages will be tried again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
