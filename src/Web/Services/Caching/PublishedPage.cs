namespace PiriSite.Web.Services.Caching;

/// <summary>
/// An article or practice area as links and navigation need it: its address, title and dates, never its body or
/// summary (a page reads those from the database when it is rendered, for just what it shows, then the output cache
/// keeps the page).
/// </summary>
public sealed record PublishedPage(
    ContentKind Kind,
    int Id,
    string TranslationKey,
    string Slug,
    string Title,
    string AuthorName,
    DateTime? PublishedAt,
    DateTime UpdatedAt,
    int DisplayOrder,
    IReadOnlyList<int> TopicIds)
{
    /// <summary>Its time has come: an article needs a publication time; a practice area without one is public at once.</summary>
    public bool IsPublicAt(DateTime utcNow) => PublishedAt is { } at ? at <= utcNow : Kind == ContentKind.PracticeArea;

    /// <summary>When the public page last changed: its last save, or its going live if that came later.</summary>
    public DateTime LastChangedAt => PublishedAt is { } at && at > UpdatedAt ? at : UpdatedAt;
}

/// <summary>A topic as its index page and links need it, in one language.</summary>
public sealed record PublishedTopic(int Id, string TranslationKey, string Name, string Slug, string Description, int DisplayOrder, DateTime UpdatedAt);
