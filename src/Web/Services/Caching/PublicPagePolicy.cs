using Microsoft.AspNetCore.OutputCaching;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Services.Caching;

/// <summary>
/// Added to the public-page policy: never for a member of staff, and a response is not stored if the cache was
/// evicted while the page was being rendered, because the page may show the content as it was before that save.
/// </summary>
public sealed class PublicPagePolicy(PublicPageCache cache, IOptions<SiteOptions> options) : IOutputCachePolicy
{
    private const string GenerationKey = "PiriSite.PublicPageCache.Generation";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The cache answers before authentication runs (so a cached page costs almost nothing); a member of staff
        // is recognised by the sign-in cookie instead, and always gets the live page.
        if (!options.Value.CachePublicPages || context.HttpContext.Request.Cookies.ContainsKey(IdentityExtensions.SignInCookieName))
        {
            context.EnableOutputCaching = false;
            return ValueTask.CompletedTask;
        }

        context.HttpContext.Items[GenerationKey] = cache.Generation;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.Items[GenerationKey] is not long startedAt || startedAt != cache.Generation)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
