namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>An English page in the content list, with where each of its translations stands (Spanish, then French).</summary>
public sealed record ContentListItem(int Id, string Title, string Slug, PublicationState State, DateTime? PublishedAt, DateTime UpdatedAt, bool Deleted)
{
    public IReadOnlyList<TranslationStatus> Translations { get; init; } = [];
}

/// <summary>
/// A page's languages as its editor shows them: on a translation, its English <see cref="Source"/> (read-only beside
/// the form); on an English page, none. <see cref="Statuses"/>: each translation's state against the English.
/// </summary>
public sealed record ContentTranslations(IEditableContent? Source, IReadOnlyList<TranslationStatus> Statuses);

/// <summary>
/// One translation to write, bring in line or have reviewed: the English page's title, the language, and the editor to
/// open (the translation's, or the English page's when the translation is missing: <see cref="State"/> null).
/// </summary>
public sealed record TranslationTask(ContentKind Kind, string Title, string Culture, int EditId, PublicationState? State);

/// <summary>
/// What the dashboard lists for the three languages to stay in step: translations missing for a published English
/// page, translations whose English text has changed in substance since, and translations the attorney has not reviewed.
/// </summary>
public sealed record TranslationWork(IReadOnlyList<TranslationTask> Missing, IReadOnlyList<TranslationTask> OutOfDate, IReadOnlyList<TranslationTask> NotReviewed);

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
    /// <summary>The item's language ("en", "es", "fr"): its public address and the editor's source panel depend on it.</summary>
    public string Culture { get; init; } = SiteCulture.English;

    public static StoredContent Of(IEditableContent item, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.StateAt(utcNow), item.Slug, item.ReviewedAt, item.ReviewedBy) { Culture = item.Culture };
    }
}
