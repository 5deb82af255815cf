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

    /// <summary>Pages that list articles (the indexes, topic indexes, home, feed, sitemaps).</summary>
    public const string ArticlesTag = "articles";

    /// <summary>Pages that list or show practice areas (their pages and list, home, sitemaps).</summary>
    public const string PracticeAreasTag = "practice-areas";

    /// <summary>
    /// An article's page in every language, and the pages that show it as a related article: a save evicts only
    /// these and the lists, not every cached article.
    /// </summary>
    public static string ArticleTag(string translationKey) => "article:" + translationKey;

    /// <summary>
    /// Counts evictions (here and, with Redis, on other instances). A page whose rendering began before an eviction
    /// is not stored (see <see cref="PublicPagePolicy"/>): it may have read the content as it was before the save.
    /// </summary>
    public long Generation => generation.Current;

    /// <summary>After a save of one article or practice area (its text, address, state or topics).</summary>
    public Task PageSavedAsync(ContentKind kind, int id, string translationKey, CancellationToken cancellationToken = default) =>
        EvictAsync(ContentChange.Page(kind, id), kind == ContentKind.Article ? [ArticlesTag, ArticleTag(translationKey)] : [PracticeAreasTag], cancellationToken);

    /// <summary>
    /// Scheduled pages of <paramref name="kind"/> went live (articles: <paramref name="translationKeys"/>): the lists
    /// and those articles' pages in other languages change; the content held in memory does not (it has them already).
    /// </summary>
    public Task PagesWentLiveAsync(ContentKind kind, IReadOnlyList<string> translationKeys, CancellationToken cancellationToken = default) =>
        EvictAsync(ContentChange.Nothing,
            kind == ContentKind.Article ? [ArticlesTag, .. translationKeys.Select(ArticleTag)] : [PracticeAreasTag], cancellationToken);

    /// <summary>After a change to the topic list (names and addresses are on every article page).</summary>
    public Task TopicsChangedAsync(CancellationToken cancellationToken = default) =>
        EvictAsync(ContentChange.Topics, [AllPagesTag], cancellationToken);

    /// <summary>After a change to what every page shows (the firm profile, the consultation notice).</summary>
    public Task EvictAllAsync(CancellationToken cancellationToken = default) =>
        EvictAsync(ContentChange.Firm, [AllPagesTag], cancellationToken);

    private async Task EvictAsync(ContentChange change, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        generation.Advance(change);
        // With Redis this evicts the page for every instance (the cache is shared); the others then hear of the
        // change and read the changed rows again.
        foreach (var tag in tags)
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }

        if (otherInstances is not null)
        {
            await otherInstances.PublishAsync(change, tags);
        }

        // A save may have scheduled a page: the watcher works out again when the next one goes live.
        publications.Notify();
    }
}
