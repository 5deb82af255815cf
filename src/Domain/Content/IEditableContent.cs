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

    /// <summary>When the attorney last confirmed the text (null: not reviewed, or changed since).</summary>
    DateTime? ReviewedAt { get; }

    string? ReviewedBy { get; }

    /// <summary>On an English page: counts its changes of substance, which its translations are measured against.</summary>
    int TextVersion { get; }

    /// <summary>On a translation: the English <see cref="TextVersion"/> it was last brought in line with.</summary>
    int? SourceTextVersion { get; }

    bool IsTranslation { get; }

    void MarkReviewed(DateTime utcNow, string attorney);

    bool WithdrawReview(DateTime changedAt);

    void CountTextChange();

    bool BringInLineWith(ContentPage source, int shownSourceVersion);

    bool IsOutOfDateWith(ContentPage source);
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
        return StateOf(content.Status, content.PublishedAt, utcNow);
    }

    /// <summary>The state from the two columns alone, for lists that read columns rather than whole pages.</summary>
    public static PublicationState StateOf(ContentStatus status, DateTime? publishedAt, DateTime utcNow) =>
        status != ContentStatus.Published ? PublicationState.Draft
        : publishedAt is { } at && at > utcNow ? PublicationState.Scheduled
        : PublicationState.Published;
}

/// <summary>
/// The columns that say where one language of a page stands (no text): what the lists read of each translation, so
/// that a list of thousands of pages never loads their bodies.
/// </summary>
public sealed record ContentLanguageState(
    int Id, string TranslationKey, string Culture, ContentStatus Status, DateTime? PublishedAt, DateTime? DeletedAt,
    bool Reviewed, int TextVersion, int? SourceTextVersion)
{
    public bool IsTranslation => Culture != SiteCulture.English;

    public static ContentLanguageState Of(IEditableContent page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(page.Id, page.TranslationKey, page.Culture, page.Status, page.PublishedAt, page.DeletedAt,
            page.ReviewedAt is not null, page.TextVersion, page.SourceTextVersion);
    }
}

/// <summary>
/// Where one language of a page stands against its English source: missing (no row), deleted, or its publication
/// state, and whether it is out of date (the English changed in substance since it was brought in line) and
/// reviewed by the attorney.
/// </summary>
public sealed record TranslationStatus(string Culture, int? Id, bool Deleted, PublicationState? Publication, bool OutOfDate, bool Reviewed)
{
    /// <summary>The English text version the translation was last brought in line with.</summary>
    public int? SourceTextVersion { get; init; }

    /// <summary>No translation the public could ever see: none at all, or a deleted one.</summary>
    public bool Missing => Id is null || Deleted;

    public static TranslationStatus Of(string culture, IEditableContent? translation, ContentPage source, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Of(culture, translation is null ? null : ContentLanguageState.Of(translation), source.TextVersion, utcNow);
    }

    /// <summary>
    /// The same from the columns alone: <paramref name="sourceTextVersion"/> is the English page's text version.
    /// </summary>
    public static TranslationStatus Of(string culture, ContentLanguageState? translation, int sourceTextVersion, DateTime utcNow) =>
        translation is null
            ? new(culture, null, false, null, false, false)
            : new(culture, translation.Id, translation.DeletedAt is not null,
                EditableContent.StateOf(translation.Status, translation.PublishedAt, utcNow),
                ContentPage.IsOutOfDate(translation.IsTranslation, translation.SourceTextVersion, sourceTextVersion), translation.Reviewed)
            {
                SourceTextVersion = translation.SourceTextVersion,
            };
}
