namespace PiriSite.Domain.Content;

public enum ContentKind
{
    Article,
    PracticeArea,
}

/// <summary>A snapshot of an article or practice area as one save left it: who saved it, when, and every edited field.</summary>
public class ContentRevision
{
    public long Id { get; set; }

    public ContentKind Kind { get; set; }

    public int ContentId { get; set; }

    /// <summary>1 for the first save, then counting up per item.</summary>
    public int Number { get; set; }

    public DateTime SavedAt { get; set; }

    public string? SavedById { get; set; }

    public string SavedByName { get; set; } = "";

    /// <summary>What the save did, such as "Edited", "Published" or "Restored revision 3".</summary>
    public string Note { get; set; } = "";

    public string Title { get; set; } = "";

    public string Slug { get; set; } = "";

    public string Summary { get; set; } = "";

    public string BodyMarkdown { get; set; } = "";

    public string? SeoTitle { get; set; }

    public string? SeoDescription { get; set; }

    public ContentStatus Status { get; set; }

    public DateTime? PublishedAt { get; set; }

    public static ContentRevision Of(ContentKind kind, IEditableContent content, int number, DateTime savedAt, string? savedById, string savedByName, string note)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new ContentRevision
        {
            Kind = kind,
            ContentId = content.Id,
            Number = number,
            SavedAt = savedAt,
            SavedById = savedById,
            SavedByName = savedByName,
            Note = note,
            Title = content.Title,
            Slug = content.Slug,
            Summary = content.Summary,
            BodyMarkdown = content.BodyMarkdown,
            SeoTitle = content.SeoTitle,
            SeoDescription = content.SeoDescription,
            Status = content.Status,
            PublishedAt = content.PublishedAt,
        };
    }
}

/// <summary>An old address of a page whose slug was changed: it answers with a permanent redirect to the new one.</summary>
public class SlugRedirect
{
    public int Id { get; set; }

    public ContentKind Kind { get; set; }

    public string Culture { get; set; } = SiteCulture.English;

    public required string OldSlug { get; set; }

    public int ContentId { get; set; }
}
