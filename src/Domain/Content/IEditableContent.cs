namespace PiriSite.Domain.Content;

/// <summary>What staff edit on an article or a practice area: the same editor, revisions and publishing rules serve both.</summary>
public interface IEditableContent
{
    int Id { get; }

    string TranslationKey { get; set; }

    string Culture { get; set; }

    /// <summary>The article's title, or the practice area's name.</summary>
    string Title { get; set; }

    string Slug { get; set; }

    string Summary { get; set; }

    string BodyMarkdown { get; set; }

    /// <summary>The body as safe HTML, rendered from the Markdown when it is saved (never at each request).</summary>
    string BodyHtml { get; set; }

    /// <summary>The body's table of contents, as JSON, rendered with <see cref="BodyHtml"/>.</summary>
    string TableOfContentsJson { get; set; }

    /// <summary>The <see cref="MarkdownRenderer.OutputVersion"/> that made <see cref="BodyHtml"/>; older ones are rendered again at start.</summary>
    int RenderVersion { get; set; }

    string? SeoTitle { get; set; }

    string? SeoDescription { get; set; }

    ContentStatus Status { get; set; }

    /// <summary>When it goes (or went) public; a future time while published means scheduled.</summary>
    DateTime? PublishedAt { get; set; }

    DateTime UpdatedAt { get; set; }

    /// <summary>Counts saves; a save based on an older version is refused (two people editing at once).</summary>
    int Version { get; set; }

    /// <summary>Set when staff delete it: hidden everywhere, restorable from the admin area.</summary>
    DateTime? DeletedAt { get; set; }
}

public enum PublicationState
{
    Draft,
    Scheduled,
    Published,
}

public static class EditableContent
{
    /// <summary>When the public page last changed: its last save, or its going live if that came later (a scheduled page).</summary>
    public static DateTime LastChangedAt(this IEditableContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.PublishedAt is { } published && published > content.UpdatedAt ? published : content.UpdatedAt;
    }

    public static PublicationState StateAt(this IEditableContent content, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Status != ContentStatus.Published ? PublicationState.Draft
            : content.PublishedAt is { } at && at > utcNow ? PublicationState.Scheduled
            : PublicationState.Published;
    }
}
