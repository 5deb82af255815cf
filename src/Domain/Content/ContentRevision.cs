using System.Globalization;

namespace PiriSite.Domain.Content;

public enum ContentKind
{
    Article,
    PracticeArea,

    /// <summary>A topic's index: only ever the kind of an old address (<see cref="SlugRedirect"/>), topics having no revisions.</summary>
    Topic,
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

    /// <summary>
    /// The fields this save changed, against the revision before it (<see cref="RevisionChanges.None"/> on a first
    /// revision). Null on a revision whose changes were not recorded: the history then shows its <see cref="Note"/>.
    /// </summary>
    public RevisionChanges? Changes { get; set; }

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

    /// <summary>The fields in which this revision differs from <paramref name="previous"/> (none when there is no previous one).</summary>
    public RevisionChanges ChangesSince(ContentRevision? previous)
    {
        if (previous is null)
        {
            return RevisionChanges.None;
        }

        var changes = RevisionChanges.None;
        void Compare<TValue>(TValue before, TValue after, RevisionChanges field)
        {
            if (!EqualityComparer<TValue>.Default.Equals(before, after))
            {
                changes |= field;
            }
        }

        Compare(previous.Title, Title, RevisionChanges.Title);
        Compare(previous.Slug, Slug, RevisionChanges.Slug);
        Compare(previous.Summary, Summary, RevisionChanges.Summary);
        Compare(previous.BodyMarkdown, BodyMarkdown, RevisionChanges.Text);
        Compare(previous.SeoTitle ?? "", SeoTitle ?? "", RevisionChanges.SeoTitle);
        Compare(previous.SeoDescription ?? "", SeoDescription ?? "", RevisionChanges.SeoDescription);
        Compare(previous.Status, Status, RevisionChanges.Status);
        // To the minute, as the editor shows and sends it (saving the form again is no change of date).
        Compare(previous.PublishedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), PublishedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), RevisionChanges.PublishDate);
        return changes;
    }
}

/// <summary>Which fields of an article or practice area one save changed (stored with its revision, for the history).</summary>
[Flags]
public enum RevisionChanges
{
    None = 0,
    Title = 1,
    Slug = 2,
    Summary = 4,
    Text = 8,
    SeoTitle = 16,
    SeoDescription = 32,
    Status = 64,
    PublishDate = 128,
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
