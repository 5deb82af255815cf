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
