namespace PiriSite.Domain.Content;

/// <summary>The public site's sections, each at its own translated address in every language.</summary>
public enum SiteSection
{
    PracticeAreas,
    Articles,
    Consultation,
    ConsultationReceived,
    About,
    Privacy,
    Disclaimer,
}

/// <summary>
/// The one table of the public addresses in each language. Routes are made from it (every English route gets its
/// Spanish and French twin) and every link is written with it, so an address is translated in one place.
/// </summary>
public static class SitePaths
{
    // The English path segment, then its Spanish and French translations. Segments that are not listed (a slug,
    // "feed.xml", "form-token") are the same in every language.
    private static readonly Dictionary<string, (string Es, string Fr)> s_segments = new(StringComparer.Ordinal)
    {
        ["practice-areas"] = ("areas-de-practica", "domaines-de-pratique"),
        ["articles"] = ("articulos", "articles"),
        ["consultation"] = ("consulta", "consultation"),
        ["received"] = ("recibida", "recue"),
        ["about"] = ("acerca-de", "a-propos"),
        ["privacy"] = ("privacidad", "confidentialite"),
        ["disclaimer"] = ("aviso-legal", "mentions-legales"),
        ["topics"] = ("temas", "sujets"),
        ["page"] = ("pagina", "page"),
    };

    private static readonly Dictionary<SiteSection, string> s_sections = new()
    {
        [SiteSection.PracticeAreas] = "practice-areas",
        [SiteSection.Articles] = "articles",
        [SiteSection.Consultation] = "consultation",
        [SiteSection.ConsultationReceived] = "consultation/received",
        [SiteSection.About] = "about",
        [SiteSection.Privacy] = "privacy",
        [SiteSection.Disclaimer] = "disclaimer",
    };

    /// <summary>The home page: "/" in English, "/es" and "/fr" in the others.</summary>
    public static string Home(SiteLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.IsEnglish ? "/" : language.PathPrefix;
    }

    public static string Section(SiteLanguage language, SiteSection section) => Localize(language, s_sections[section]);

    public static string PracticeArea(SiteLanguage language, string slug) => $"{Section(language, SiteSection.PracticeAreas)}/{slug}";

    public static string Article(SiteLanguage language, string slug) => $"{Section(language, SiteSection.Articles)}/{slug}";

    /// <summary>A topic's index of articles: "/articles/topics/asylum", "/es/articulos/temas/asilo".</summary>
    public static string Topic(SiteLanguage language, string slug) => $"{Localize(language, "articles/topics")}/{slug}";

    /// <summary>
    /// Page <paramref name="number"/> of a paged list at <paramref name="listPath"/> (an index or a topic, already in its
    /// language): the first page is the list's own address, the others ".../page/2" ("/es/articulos/pagina/2").
    /// </summary>
    public static string Paged(SiteLanguage language, string listPath, int number)
    {
        ArgumentNullException.ThrowIfNull(listPath);
        return number <= 1 ? listPath : $"{listPath}/{Translate(language, "page")}/{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    public static string Feed(SiteLanguage language) => $"{Section(language, SiteSection.Articles)}/feed.xml";

    public static string ForKind(SiteLanguage language, ContentKind kind, string slug) =>
        kind == ContentKind.Article ? Article(language, slug) : PracticeArea(language, slug);

    /// <summary>
    /// An English route template or path ("practice-areas/{slug}") in another language
    /// ("/es/areas-de-practica/{slug}"); English is returned as an absolute path unchanged.
    /// </summary>
    public static string Localize(SiteLanguage language, string englishPath)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(englishPath);
        var segments = englishPath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var translated = segments.Select(s => Translate(language, s));
        var path = string.Join('/', translated);
        return language.IsEnglish
            ? "/" + path
            : path.Length == 0 ? language.PathPrefix : $"{language.PathPrefix}/{path}";
    }

    private static string Translate(SiteLanguage language, string segment) =>
        language.Code switch
        {
            SiteCulture.Spanish when s_segments.TryGetValue(segment, out var t) => t.Es,
            SiteCulture.French when s_segments.TryGetValue(segment, out var t) => t.Fr,
            _ => segment,
        };
}
