using Microsoft.AspNetCore.OutputCaching;

namespace PiriSite.Web.Services.Caching;

/// <summary>
/// The public pages' output cache: what a page is tagged with, and eviction the moment content changes.
/// A public page reads the firm profile (header, footer) and some content; its tags name what it reads.
/// </summary>
public sealed class PublicPageCache(
    IOutputCacheStore store, PublicationSignal publications, ContentGeneration generation, ContentChangeChannel? otherInstances = null)
{
    public const string PolicyName = "PublicPage";

    /// <summary>Every cached public page: the firm profile is on all of them.</summary>
    public const string AllPagesTag = "public";

    /// <summary>Pages that list or show articles (article pages and list, home, feed, sitemap).</summary>
    public const string ArticlesTag = "articles";

    /// <summary>Pages that list or show practice areas (their pages and list, home, sitemap).</summary>
    public const string PracticeAreasTag = "practice-areas";

    /// <summary>
    /// Counts evictions (here and, with Redis, on other instances). A page whose rendering began before an eviction
    /// is not stored (see <see cref="PublicPagePolicy"/>): it may have read the content as it was before the save.
    /// </summary>
    public long Generation => generation.Current;

    public Task EvictAsync(ContentKind kind, CancellationToken cancellationToken = default) =>
        EvictAsync(kind == ContentKind.Article ? ArticlesTag : PracticeAreasTag, cancellationToken);

    /// <summary>After a change to what every page shows (the firm profile).</summary>
    public Task EvictAllAsync(CancellationToken cancellationToken = default) => EvictAsync(AllPagesTag, cancellationToken);

    private async Task EvictAsync(string tag, CancellationToken cancellationToken)
    {
        generation.Advance();
        // With Redis this evicts the page for every instance (the cache is shared); the others then hear of the
        // change and drop their in-memory copy of the content.
        await store.EvictByTagAsync(tag, cancellationToken);
        if (otherInstances is not null)
        {
            await otherInstances.PublishAsync(tag);
        }

        // A save may have scheduled a page: the watcher works out again when the next one goes live.
        publications.Notify();
    }
}
