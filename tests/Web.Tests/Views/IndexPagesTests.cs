using System.Text.RegularExpressions;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Views;

/// <summary>
/// The articles and practice-areas indexes: their headings go down one level at a time (the Nu checker flags a skip),
/// and they carry the notice the language switcher points to when a page has no translation in their language.
/// </summary>
public class IndexPagesTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    public static TheoryData<string> Routes => PublicRoutes.AllAsTheoryData();

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task NoPageSkipsAHeadingLevel(string route)
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(route);
        var levels = Regex.Matches(html, "<h([1-6])[\\s>]").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(1, levels[0]);
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"{route}: h{pair.First} then h{pair.Second}"));
    }

    [Theory]
    [InlineData("/practice-areas")]
    [InlineData("/articles")]
    public async Task TheIndexCardsAreHeadedOneLevelUnderThePageTitle(string route)
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(route);

        Assert.Single(Html.Headings(html, 1));
        Assert.Contains("<h2 class=\"card-title\"><a class=\"card-link\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h3 class=\"card-title\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHomePageKeepsItsCardsUnderItsSectionHeadings()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("<h3 class=\"card-title\"><a class=\"card-link\" href=\"/practice-areas/asylum\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2 class=\"card-title\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/practice-areas", "This page is not available in this language yet. Here are our pages in this language.")]
    [InlineData("/articles", "This page is not available in this language yet. Here are our pages in this language.")]
    [InlineData("/es/areas-de-practica", "Esta página todavía no está disponible en español. Aquí están nuestras páginas en español.")]
    [InlineData("/es/articulos", "Esta página todavía no está disponible en español. Aquí están nuestras páginas en español.")]
    [InlineData("/fr/domaines-de-pratique", "Cette page n’est pas encore disponible en français. Voici nos pages en français.")]
    [InlineData("/fr/articles", "Cette page n’est pas encore disponible en français. Voici nos pages en français.")]
    public async Task EachIndexCarriesTheUntranslatedNoticeInItsLanguage(string route, string notice)
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(route);

        Assert.Contains($"<p id=\"untranslated\" class=\"untranslated-notice\">{notice}</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheUntranslatedNoticeShowsOnlyWhenTheAddressPointsToIt()
    {
        using var client = factory.CreateClient();

        var css = await client.GetStringAsync("/css/site.css");

        Assert.Matches(@"\.untranslated-notice \{\s*display: none;\s*\}", css);
        Assert.Matches(@"\.untranslated-notice:target \{\s*display: block;", css);
    }
}
