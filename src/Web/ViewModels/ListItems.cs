namespace PiriSite.Web.ViewModels;

public sealed record PracticeAreaListItem(string Name, string Slug, string Summary);

public sealed record ArticleListItem(string Title, string Slug, string Summary, string AuthorName, DateTime PublishedAt, DateTime UpdatedAt);

/// <summary>A public page's path and when its content last changed.</summary>
public sealed record PageDate(string Path, DateTime LastModified);

/// <summary>
/// A page in the sitemap: its path, its last change, and the same page in every language it is public in
/// (itself included), written as xhtml:link alternates.
/// </summary>
public sealed record SitemapPage(string Path, DateTime LastModified, IReadOnlyList<PageAlternate> Alternates);
