using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;
using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.Extensions;

/// <summary>The output cache of public pages, and compression of HTML.</summary>
internal static class PublicPageCaching
{
    /// <summary>How long a cached page lives if nothing evicts it first; saves and scheduled pages evict at once.</summary>
    private static readonly TimeSpan s_pageLifetime = TimeSpan.FromHours(1);

    public static IServiceCollection AddPublicPageCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ContentGeneration>();
        services.AddSingleton<PublicationSignal>();
        services.AddSingleton<PublicPageCache>();
        services.AddSingleton<PublishedContent>();
        services.AddSingleton<PublicPagePolicy>();
        services.AddSingleton<ScheduledPublicationWatcher>();
        services.AddSingleton<PiriSite.Web.Services.Seo.SocialCardCache>();
        services.AddHostedService(provider => provider.GetRequiredService<ScheduledPublicationWatcher>());

        // Nothing is cached unless its endpoint names the public-page policy. That policy keeps the framework's
        // defaults (GET and HEAD only, never a response that sets a cookie, only 200s); the cache runs before
        // authentication, so PublicPagePolicy recognises staff by their sign-in cookie and never caches for them.
        var cacheOptions = configuration.GetSection(PageCacheOptions.SectionName).Get<PageCacheOptions>() ?? new PageCacheOptions();
        if (cacheOptions.SizeLimitMB < 1)
        {
            throw new InvalidOperationException($"{PageCacheOptions.SectionName}:{nameof(PageCacheOptions.SizeLimitMB)} must be at least 1 (megabytes).");
        }

        services.AddOutputCache(options => options.SizeLimit = cacheOptions.SizeLimitBytes);
        // The size limit above applies to the in-memory store; the policy below to every store.
        services.AddOutputCache(options => options.AddPolicy(PublicPageCache.PolicyName, policy => policy
            .AddPolicy<PublicPagePolicy>()
            .Expire(s_pageLifetime)
            // No queue of visitors behind the first miss: a page renders in milliseconds, and the lock the
            // queue needs would cost every cached answer.
            .SetLocking(false)
            .Tag(PublicPageCache.AllPagesTag)
            // No public page reads its query string; a made-up one must not fill the cache with copies.
            .SetVaryByQuery("")
            // Every URL the site writes names Site:PublicBaseUrl, and host filtering admits only configured names, so
            // a page is the same under each: one copy, not one per Host a client sends.
            .SetVaryByHost(false)
            // The compressed and the plain copy of a page are different responses. The header has been reduced to
            // br, gzip or identity before the cache (UsePublicPageCaching), so there are at most three copies.
            .SetVaryByHeader(HeaderNames.AcceptEncoding)));
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName);
        if (configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() is { IsConfigured: true })
        {
            AddSharedPageCache(services);
        }

        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // Compressed once per cached page, so a better ratio is worth a little more time than "fastest".
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>
    /// Several instances: the page cache in Redis through ASP.NET Core's Redis store (so one eviction reaches every
    /// instance), wrapped so that a Redis outage only means uncached pages; and the channel that tells the other
    /// instances to drop their in-memory copy of the content.
    /// </summary>
    private static void AddSharedPageCache(IServiceCollection services)
    {
        services.AddSingleton<RedisConnection>();
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>()
            .Configure<RedisConnection>((options, redis) =>
            {
                options.InstanceName = redis.Prefix;
                options.ConnectionMultiplexerFactory = () => Task.FromResult(redis.Multiplexer);
            });

        // The Redis store registered just above becomes the inner store of SharedPageStore.
        var redisStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(redisStore);
        services.AddSingleton<IOutputCacheStore>(provider => ActivatorUtilities.CreateInstance<SharedPageStore>(provider,
            (IOutputCacheStore)ActivatorUtilities.CreateInstance(provider, redisStore.ImplementationType!)));

        services.AddSingleton<ContentChangeChannel>();
        services.AddHostedService(provider => provider.GetRequiredService<ContentChangeChannel>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded);
    }

    /// <summary>
    /// Right after routing, so a cached page is answered before rate limiting, request logging and authentication
    /// (they cost more than the answer itself); and outside compression, so it keeps each page compressed.
    /// </summary>
    public static WebApplication UsePublicPageCaching(this WebApplication app)
    {
        // Before the cache and compression both: the cache's key and the compression's choice read the same value.
        app.Use((context, next) =>
        {
            context.Request.Headers.AcceptEncoding = AcceptEncoding.Normalise(context.Request.Headers.AcceptEncoding);
            return next(context);
        });
        app.UseOutputCache();
        // Pages that echo what a person typed next to a secret (sign-in, the consultation form, the admin area)
        // are not compressed: compression's size would leak the secret bit by bit (the BREACH attack).
        app.UseWhen(context => !CarriesSecrets(context.Request.Path), branch => branch.UseResponseCompression());
        return app;
    }

    private static bool CarriesSecrets(PathString path) =>
        path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/consultation", StringComparison.OrdinalIgnoreCase);
}
