using PiriSite.Domain.Content;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>
/// Every public page of the seeded site in each language, at its translated address (SitePaths), for tests that
/// must hold on all of them. The slugs are the seeded translations' (src/Data/Seed/es and fr), keyed by the
/// English slug so a test can name a page once and visit it in every language.
/// </summary>
public static class TranslatedRoutes
{
    private static readonly Dictionary<string, (string Es, string Fr)> s_practiceAreas = new(StringComparer.Ordinal)
    {
        ["42b-cancellation-of-removal"] = ("cancelacion-de-expulsion-42b", "annulation-de-renvoi-42b"),
        ["adjustment-of-status"] = ("ajuste-de-estatus", "ajustement-de-statut"),
        ["k-1-fiancee-visa"] = ("visa-de-prometido-k-1", "visa-de-fiance-k-1"),
        ["cbp-one-process"] = ("proceso-cbp-one", "procedure-cbp-one"),
        ["temporary-protected-status"] = ("estatus-de-proteccion-temporal", "statut-de-protection-temporaire"),
        ["deferred-action"] = ("accion-diferida", "action-differee"),
        ["immigration"] = ("inmigracion", "immigration"),
        ["asylum"] = ("asilo", "asile"),
        ["immigration-court"] = ("corte-de-inmigracion", "tribunal-de-l-immigration"),
        ["family-based-visas"] = ("visas-familiares", "visas-familiaux"),
        ["special-immigrant-juvenile"] = ("inmigrante-juvenil-especial", "jeune-immigrant-special"),
    };

    private static readonly Dictionary<string, (string Es, string Fr)> s_topics = new(StringComparer.Ordinal)
    {
        ["287g-and-immigration-enforcement"] = ("287g-y-control-migratorio", "287g-et-application-des-lois-sur-l-immigration"),
        ["deportation-defense"] = ("defensa-contra-la-deportacion", "defense-contre-l-expulsion"),
    };

    private static readonly (string Es, string Fr) s_article = ("que-es-el-programa-287g-de-ice", "qu-est-ce-que-le-programme-287g-de-l-ice");

    public static IEnumerable<string> PracticeAreaSlugs(SiteLanguage language) =>
        PublicRoutes.PracticeAreaSlugs.Select(slug => PracticeAreaSlug(language, slug));

    /// <summary>The slug of the practice area whose English slug is <paramref name="englishSlug"/>, in <paramref name="language"/>.</summary>
    public static string PracticeAreaSlug(SiteLanguage language, string englishSlug) =>
        Translated(language, englishSlug, s_practiceAreas[englishSlug]);

    public static string ArticleSlug(SiteLanguage language) => Translated(language, PublicRoutes.ArticleSlug, s_article);

    /// <summary>The address of the practice area whose English slug is <paramref name="englishSlug"/>, in <paramref name="language"/>.</summary>
    public static string PracticeArea(SiteLanguage language, string englishSlug) =>
        SitePaths.PracticeArea(language, PracticeAreaSlug(language, englishSlug));

    public static string Article(SiteLanguage language) => SitePaths.Article(language, ArticleSlug(language));

    /// <summary>The same pages as <see cref="PublicRoutes.All"/>, in <paramref name="language"/>.</summary>
    public static IEnumerable<string> All(SiteLanguage language) =>
    [
        SitePaths.Home(language),
        SitePaths.Section(language, SiteSection.PracticeAreas),
        .. PracticeAreaSlugs(language).Select(slug => SitePaths.PracticeArea(language, slug)),
        SitePaths.Section(language, SiteSection.Articles),
        .. PublicRoutes.TopicSlugs.Select(slug => SitePaths.Topic(language, Translated(language, slug, s_topics[slug]))),
        Article(language),
        SitePaths.Section(language, SiteSection.About),
        SitePaths.Section(language, SiteSection.Consultation),
        SitePaths.Section(language, SiteSection.Privacy),
        SitePaths.Section(language, SiteSection.Disclaimer),
    ];

    private static string Translated(SiteLanguage language, string english, (string Es, string Fr) translations)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.Code switch
        {
            SiteCulture.Spanish => translations.Es,
            SiteCulture.French => translations.Fr,
            _ => english,
        };
    }
}
