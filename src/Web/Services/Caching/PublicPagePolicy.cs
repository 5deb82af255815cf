using Microsoft.AspNetCore.OutputCaching;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Services.Caching;

/// <summary>
/// Added to the public-page policy: never for a member of staff, and a response is not stored if the cache was
/// evicted while the page was being rendered, because the page may show the content as it was before that save.
/// </summary>
public sealed class PublicPagePolicy(ContentGeneration generation, IOptions<SiteOptions> options) : IOutputCachePolicy
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

        context.HttpContext.Items[GenerationKey] = generation.Current;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!RenderedFromCurrentContent(context.HttpContext, generation))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Whether no change to the content was seen since this request's page began rendering.</summary>
    internal static bool RenderedFromCurrentContent(HttpContext context, ContentGeneration generation) =>
        context.Items[GenerationKey] is long startedAt && startedAt == generation.Current;
}
