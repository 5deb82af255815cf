using Microsoft.AspNetCore.OutputCaching;

namespace PiriSite.Web.Services.Caching;

/// <summary>
/// The page cache in Redis (ASP.NET Core's Redis output-cache store, wrapped): every instance reads and evicts the
/// same pages. Without Redis a page is simply not cached: a lookup is a miss, a store is skipped, and the visitor
/// gets the page rendered. Nothing here throws into a request.
/// </summary>
internal sealed partial class SharedPageStore(
    IOutputCacheStore redisStore,
    RedisConnection redis,
    IHttpContextAccessor http,
    ContentGeneration generation,
    ILogger<SharedPageStore> logger) : IOutputCacheStore
{
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected)
        {
            return null;
        }

        try
        {
            return await redisStore.GetAsync(key, cancellationToken);
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            LogFailed(logger, "read", exception.GetType().Name);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        // Checked again at the last moment (PublicPagePolicy checked as the response started): a save on another
        // instance may have been announced while this page was being written out from the content before it.
        if (!redis.IsConnected || (http.HttpContext is { } context && !PublicPagePolicy.RenderedFromCurrentContent(context, generation)))
        {
            return;
        }

        try
        {
            await redisStore.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            LogFailed(logger, "store", exception.GetType().Name);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await redisStore.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            // Every instance evicts every page when the connection comes back (ContentChangeChannel), so a page
            // that should have gone now cannot outlive the outage.
            LogFailed(logger, "evict", exception.GetType().Name);
        }
    }

    private static bool IsRedisFailure(Exception exception) =>
        exception is StackExchange.Redis.RedisException or TimeoutException or System.Net.Sockets.SocketException or ObjectDisposedException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis page cache: {Operation} failed ({ErrorType}); the page is served uncached")]
    private static partial void LogFailed(ILogger logger, string operation, string errorType);
}
