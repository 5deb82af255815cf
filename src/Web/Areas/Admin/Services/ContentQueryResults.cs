namespace PiriSite.Web.Areas.Admin.Services;

public sealed record ContentListItem(int Id, string Title, string Slug, PublicationState State, DateTime? PublishedAt, DateTime UpdatedAt, bool Deleted);

public sealed record RevisionSummary(int Number, DateTime SavedAt, string SavedBy, string Note);

/// <summary>An item's revisions, newest first, under its current title.</summary>
public sealed record ContentHistory(string Title, IReadOnlyList<RevisionSummary> Revisions);

public enum DiffChange
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(DiffChange Change, string Text);

public sealed record FieldDiff(string Field, IReadOnlyList<DiffLine> Lines);

/// <summary>Revision <see cref="To"/> compared field by field with <see cref="From"/> (0: an empty page).</summary>
public sealed record RevisionComparison(string Title, int From, int To, IReadOnlyList<FieldDiff> Fields);

/// <summary>What the editor shows of an item as it is stored, beside the form (which may hold unsaved text).</summary>
public sealed record StoredContent(PublicationState State, string Slug, DateTime? ReviewedAt, string? ReviewedBy)
{
    public static StoredContent Of(IEditableContent item, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(item);
        var article = item as Article;
        return new(item.StateAt(utcNow), item.Slug, article?.ReviewedAt, article?.ReviewedBy);
    }
}
