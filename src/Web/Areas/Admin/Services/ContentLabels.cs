namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// What the content screens, the audit log and the editing service call an item, in the staff area's English:
/// its kind, its language and its address. Also makes a new item of either kind.
/// </summary>
public static class ContentLabels
{
    public static ContentKind KindOf<T>() where T : IEditableContent =>
        typeof(T) == typeof(Article) ? ContentKind.Article : ContentKind.PracticeArea;

    /// <summary>The page behind an editable item (both kinds are pages), for the rules written on <see cref="ContentPage"/>.</summary>
    public static ContentPage AsPage(this IEditableContent item) =>
        item as ContentPage ?? throw new ArgumentException("Articles and practice areas are pages.", nameof(item));

    /// <summary>The language's name as staff read it ("Spanish"): the staff area stays in English.</summary>
    public static string Language(string culture) => culture switch
    {
        SiteCulture.Spanish => "Spanish",
        SiteCulture.French => "French",
        _ => "English",
    };

    /// <summary>"Article", "Practice area", or "Article translation (Spanish)".</summary>
    public static string Of(ContentKind kind, string culture)
    {
        var noun = kind == ContentKind.Article ? "Article" : "Practice area";
        return culture == SiteCulture.English ? noun : $"{noun} translation ({Language(culture)})";
    }

    /// <summary>The item as the audit log names it: its title and its public path ("Asilo (/es/asilo)").</summary>
    public static string Target(IEditableContent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return $"{item.Title} ({SiteLanguage.Of(item.Culture).PathPrefix}/{item.Slug})";
    }

    /// <summary>What a save did to the page, as its revision and the audit log name it.</summary>
    public static string SaveNote(bool isNew, PublicationState stateAfter, bool wasPublic) => isNew ? "Created" : stateAfter switch
    {
        PublicationState.Published when !wasPublic => "Published",
        PublicationState.Scheduled => "Scheduled",
        PublicationState.Draft when wasPublic => "Unpublished",
        _ => "Edited",
    };

    /// <summary>
    /// What a save changed, as the history says it: "Title, Text; published", "Restored revision 3: Text",
    /// "Created". A revision whose changes were not recorded (saved before they were) says what the save did.
    /// </summary>
    public static string Changes(RevisionSummary revision, ContentKind kind)
    {
        ArgumentNullException.ThrowIfNull(revision);
        if (revision.Changes is not { } changes || revision.Number == 1)
        {
            return revision.Note;
        }

        // Publishing is said by the note ("Published", "Unpublished", "Scheduled") when it says it; else it is a field.
        var publishing = revision.Note is "Published" or "Unpublished" or "Scheduled" ? revision.Note : null;
        var fields = string.Join(", ", new (RevisionChanges Flag, string Name)[]
        {
            (RevisionChanges.Title, kind == ContentKind.Article ? "Title" : "Name"), (RevisionChanges.Slug, "Address"),
            (RevisionChanges.Summary, "Summary"), (RevisionChanges.Text, "Text"), (RevisionChanges.SeoTitle, "Search title"),
            (RevisionChanges.SeoDescription, "Search description"),
            (publishing is null ? RevisionChanges.Status | RevisionChanges.PublishDate : RevisionChanges.None, "Publishing"),
        }.Where(f => (changes & f.Flag) != 0).Select(f => f.Name));
        var what = (fields, publishing) switch
        {
            ("", null) => "",
            (_, null) => fields,
            ("", _) => publishing,
            _ => $"{fields}; {publishing.ToLowerInvariant()}",
        };
        var restored = revision.Note.StartsWith("Restored", StringComparison.Ordinal) ? revision.Note : null;
        return (restored, what) switch
        {
            (null, "") => "No changes",
            (null, _) => what,
            (_, "") => $"{restored} (no changes)",
            _ => $"{restored}: {what}",
        };
    }

    /// <summary>
    /// A new English item (its translation key is its first slug, kept for good so that later translations find
    /// their original) or, with <paramref name="source"/>, a new translation of it: same key, in line with the
    /// English text version it starts from, and in the same place among the practice areas.
    /// </summary>
    public static T New<T>(string slug, IEditableContent? source = null, string culture = SiteCulture.English)
        where T : class, IEditableContent
    {
        var key = source?.TranslationKey ?? slug;
        int? sourceVersion = source is null ? null : source.TextVersion;
        IEditableContent item = typeof(T) == typeof(Article)
            ? new Article { TranslationKey = key, Culture = culture, Title = "", Slug = slug, SourceTextVersion = sourceVersion }
            : new PracticeArea
            {
                TranslationKey = key, Culture = culture, Name = "", Slug = slug, SourceTextVersion = sourceVersion,
                DisplayOrder = (source as PracticeArea)?.DisplayOrder ?? 1000,
            };
        return (T)item;
    }
}
