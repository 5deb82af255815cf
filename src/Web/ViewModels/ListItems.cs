using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.ViewModels;

public sealed record PracticeAreaListItem(string Name, string Slug, string Summary);

public sealed record ArticleListItem(string Title, string Slug, string Summary, string AuthorName, DateTime PublishedAt, DateTime UpdatedAt)
{
    /// <summary>A public article's card (public articles always have a publication time).</summary>
    public static ArticleListItem Of(PublishedPage article, string summary)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(article.Title, article.Slug, summary, article.AuthorName, article.PublishedAt!.Value, article.UpdatedAt);
    }
}

/// <summary>One page of an article index (all articles of a language, or one topic's).</summary>
public sealed record ArticleListPage(IReadOnlyList<ArticleListItem> Articles, Paging Paging);

/// <summary>A public article, whole, with the topics it is filed under and up to three related articles.</summary>
public sealed record ArticleDetail(Article Article, IReadOnlyList<PublishedTopic> Topics, IReadOnlyList<ArticleListItem> Related)
{
    /// <summary>The related articles' translation keys: the page is evicted when one of them is saved.</summary>
    public IReadOnlyList<string> RelatedKeys { get; init; } = [];
}

/// <summary>A public page's path and when its content last changed.</summary>
public sealed record PageDate(string Path, DateTime LastModified);

/// <summary>
/// A page in the sitemap: its path, its last change, and the same page in every language it is public in
/// (itself included), written as xhtml:link alternates.
/// </summary>
public sealed record SitemapPage(string Path, DateTime LastModified, IReadOnlyList<PageAlternate> Alternates);

/// <summary>The links under a paged list (<c>_Pager</c>): the list's first page is at <see cref="ListPath"/>.</summary>
public sealed record PagerViewModel(string ListPath, Paging Paging)
{
    /// <summary>
    /// The page numbers to link: the first, the last, and two either side of this one; null where numbers are left
    /// out (shown as "…"). At most nine entries however long the list, so the links fit a phone.
    /// </summary>
    public IReadOnlyList<int?> Numbers()
    {
        var shown = new SortedSet<int> { 1, Paging.Count };
        for (var number = Paging.Number - 2; number <= Paging.Number + 2; number++)
        {
            if (number >= 1 && number <= Paging.Count)
            {
                shown.Add(number);
            }
        }

        var numbers = new List<int?>();
        var previous = 0;
        foreach (var number in shown)
        {
            if (number > previous + 1)
            {
                numbers.Add(null);
            }

            numbers.Add(number);
            previous = number;
        }

        return numbers;
    }
}
