using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.OutputCaching;
using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>
/// For tests that write content rows straight into the database (not through an editor, which says what it changed):
/// the site reads everything again and drops every cached page, as after a change it could not follow.
/// </summary>
public static class PublishedContentReload
{
    public static async Task ReloadPublishedContentAsync(this IServiceProvider services)
    {
        services.GetRequiredService<ContentGeneration>().Advance(ContentChange.Everything);
        await services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageCache.AllPagesTag, CancellationToken.None);
    }
}
