namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>Every public page of the seeded site, for tests that must hold on all of them.</summary>
public static class PublicRoutes
{
    public static readonly string[] PracticeAreaSlugs =
    [
        "42b-cancellation-of-removal",
        "adjustment-of-status",
        "k-1-fiancee-visa",
        "cbp-one-process",
        "temporary-protected-status",
        "deferred-action",
        "immigration",
        "asylum",
        "immigration-court",
        "family-based-visas",
        "special-immigrant-juvenile",
    ];

    public const string ArticleSlug = "what-is-the-ice-287g-program";

    /// <summary>The seeded topics the seeded article is filed under (src/Data/Seed/site.json): their indexes are public pages.</summary>
    public static readonly string[] TopicSlugs = ["287g-and-immigration-enforcement", "deportation-defense"];

    public static IEnumerable<string> All =>
    [
        "/",
        "/practice-areas",
        .. PracticeAreaSlugs.Select(slug => $"/practice-areas/{slug}"),
        "/articles",
        .. TopicSlugs.Select(slug => $"/articles/topics/{slug}"),
        $"/articles/{ArticleSlug}",
        "/about",
        "/consultation",
        "/privacy",
        "/disclaimer",
    ];

    public static TheoryData<string> AllAsTheoryData()
    {
        var data = new TheoryData<string>();
        foreach (var route in All)
        {
            data.Add(route);
        }

        return data;
    }
}
