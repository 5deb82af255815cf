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

/// <summary>
/// A published article whose review is due: <see cref="DueOn"/> is its review-by day; for unreviewed text, the day its
/// text changed (<see cref="ChangedUnreviewed"/>) or, never reviewed, the day it went public.
/// </summary>
public sealed record ReviewDue(int Id, string Title, string Culture, DateOnly DueOn, bool Reviewed, bool FastMoving)
{
    public bool ChangedUnreviewed { get; init; }

    public int DaysLate(DateOnly today) => today.DayNumber - DueOn.DayNumber;
}

/// <summary>The articles the attorney must review: overdue ones, then those due in the next <see cref="ReviewCadence.DueSoonDays"/> days.</summary>
public sealed record ReviewWork(DateOnly Today, IReadOnlyList<ReviewDue> Overdue, IReadOnlyList<ReviewDue> DueSoon)
{
    public static ReviewWork None { get; } = new(default, [], []);
}

/// <summary>One revision in the history: who saved it, when, what the save did and which fields it changed (null: not recorded).</summary>
public sealed record RevisionSummary(int Number, DateTime SavedAt, string SavedBy, string Note, RevisionChanges? Changes);

/// <summary>One page of an item's revisions, newest first, under its current title; <see cref="Latest"/> is its current revision's number.</summary>
public sealed record ContentHistory(string Title, ListPage<RevisionSummary> Revisions, int Latest);

public enum DiffChange
{
    Same,
    Added,
    Removed,
}

/// <summary>A run of words in a comparison: kept, added or removed.</summary>
public sealed record DiffSpan(DiffChange Change, string Text);

public enum ParagraphChange
{
    /// <summary>An unchanged paragraph next to a change, shortened to the lines nearest to it.</summary>
    Context,
    Changed,
    Added,
    Removed,

    /// <summary>Unchanged paragraphs left out (<see cref="DiffParagraph.Skipped"/> of them).</summary>
    Skipped,
}

/// <summary>A paragraph of the text as a comparison shows it: its words marked, or a count of paragraphs left out.</summary>
public sealed record DiffParagraph(ParagraphChange Change, IReadOnlyList<DiffSpan> Spans, int Skipped = 0)
{
    public bool IsChange => Change is ParagraphChange.Changed or ParagraphChange.Added or ParagraphChange.Removed;
}

/// <summary>A field other than the text that changed: its value before and after, the changed words marked in each.</summary>
public sealed record FieldChange(string Field, IReadOnlyList<DiffSpan> Before, IReadOnlyList<DiffSpan> After);

/// <summary>
/// Revision <see cref="To"/> compared with revision <see cref="From"/> (0: an empty page): the fields that changed,
/// the changed paragraphs of the text with a little context, and the names of the fields that did not change.
/// <see cref="Latest"/> is the item's newest revision (the current text).
/// </summary>
public sealed record RevisionComparison(
    string Title,
    RevisionSummary To,
    int From,
    int Latest,
    IReadOnlyList<FieldChange> Fields,
    IReadOnlyList<DiffParagraph> Text,
    IReadOnlyList<string> Unchanged)
{
    /// <summary>The page's language ("en", "es", "fr"): the compared words are in it.</summary>
    public string Culture { get; init; } = SiteCulture.English;

    public int TextChanges => Text.Count(p => p.IsChange);

    /// <summary>Each changed field counts once, and each changed, added or removed paragraph of the text.</summary>
    public int ChangeCount => Fields.Count + TextChanges;
}

/// <summary>What restoring a revision will do, for the page that asks to confirm it.</summary>
public sealed record RevisionRestorePlan(string Title, RevisionSummary Revision, int Latest, bool Published, bool ReviewTakenOff, bool TranslationsFallBehind)
{
    public bool IsCurrent => Revision.Number == Latest;
}

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
