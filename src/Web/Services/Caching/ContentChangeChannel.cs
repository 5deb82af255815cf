using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace PiriSite.Web.Services.Caching;

/// <summary>
/// Tells the other instances that content changed, over Redis pub/sub, so each drops its in-memory copy of the
/// published content at once; the cached pages themselves are in Redis and were already evicted by the saving
/// instance. A message arrives in about a millisecond; README documents the bound as one second.
/// While this instance cannot reach Redis it hears nothing, so it reloads its copy from the database every second
/// instead, and when the connection returns it evicts every cached page (an eviction may have failed meanwhile).
/// </summary>
public sealed partial class ContentChangeChannel(
    RedisConnection redis,
    ContentGeneration generation,
    IOutputCacheStore store,
    PublicationSignal publications,
    SiteInstance instance,
    ILogger<ContentChangeChannel> logger) : BackgroundService
{
    private static readonly TimeSpan s_reloadWhileAway = TimeSpan.FromSeconds(1);

    // A change the others may not have heard (Redis was away or refused it): the next announcement says "everything".
    private int _owesEverything;

    private RedisChannel Channel => RedisChannel.Literal(redis.Prefix + "content-changed");

    /// <summary>Announces a change to the other instances (after this one has evicted the pages tagged <paramref name="tags"/>).</summary>
    public async Task PublishAsync(ContentChange change, IReadOnlyList<string> tags)
    {
        if (!redis.IsConnected)
        {
            // The others may still be connected and would never hear of it: they are told when Redis is back.
            Volatile.Write(ref _owesEverything, 1);
            return;
        }

        if (Interlocked.Exchange(ref _owesEverything, 0) == 1)
        {
            (change, tags) = (ContentChange.Everything, [PublicPageCache.AllPagesTag]);
        }

        try
        {
            await redis.Multiplexer.GetSubscriber().PublishAsync(Channel, $"{instance.Id}\n{change}\n{string.Join(' ', tags)}");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            Volatile.Write(ref _owesEverything, 1);
            LogPublishFailed(logger, exception.GetType().Name);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        redis.Restored += OnRestored;
        try
        {
            await redis.Multiplexer.GetSubscriber().SubscribeAsync(Channel, (_, message) => OnMessage(message));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Redis is away at start: StackExchange.Redis subscribes again when it connects.
            LogPublishFailed(logger, exception.GetType().Name);
        }

        using var timer = new PeriodicTimer(s_reloadWhileAway);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!redis.IsConnected)
            {
                generation.Advance(ContentChange.Everything);
            }
        }
    }

    public override void Dispose()
    {
        redis.Restored -= OnRestored;
        base.Dispose();
    }

    private void OnMessage(RedisValue message)
    {
        // "instance id\nchange\ntag tag…"; an instance of the previous version sends "instance id\ntag" (read as everything).
        var parts = ((string?)message ?? "").Split('\n');
        if (parts.Length is not (2 or 3) || parts[0] == instance.Id)
        {
            return;
        }

        generation.Advance(parts.Length == 3 ? ContentChange.Parse(parts[1]) : ContentChange.Everything);
        publications.Notify();
        // Evicted again here: a page this instance rendered from its old copy in the moment before the message
        // arrived may have been stored after the saving instance's eviction.
        _ = EvictQuietlyAsync(parts[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private void OnRestored()
    {
        generation.Advance(ContentChange.Everything);
        publications.Notify();
        _ = EvictQuietlyAsync([PublicPageCache.AllPagesTag]);
        // Saves made here while away reached no one: the others read everything again too.
        Volatile.Write(ref _owesEverything, 1);
        _ = PublishAsync(ContentChange.Nothing, []);
    }

    private async Task EvictQuietlyAsync(IEnumerable<string> tags)
    {
        try
        {
            foreach (var tag in tags)
            {
                await store.EvictByTagAsync(tag, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogEvictFailed(logger, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce or hear content changes over Redis ({ErrorType})")]
    private static partial void LogPublishFailed(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not evict cached pages after a change elsewhere ({ErrorType})")]
    private static partial void LogEvictFailed(ILogger logger, string errorType);
}
