namespace PiriSite.Web.ViewModels;

public sealed record PracticeAreaListItem(string Name, string Slug, string Summary);

public sealed record ArticleListItem(string Title, string Slug, string Summary, string AuthorName, DateTime PublishedAt, DateTime UpdatedAt);
