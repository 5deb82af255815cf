using System.Text.RegularExpressions;
using System.Xml.Linq;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Localization;

/// <summary>
/// hreflang over the whole sitemap: every alternate of a page points back to it, with x-default the English one,
/// in the sitemap and in each page's head.
/// </summary>
public sealed partial class HreflangTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private static readonly XNamespace s_sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace s_xhtml = "http://www.w3.org/1999/xhtml";

    [Fact]
    public async Task EveryAlternateInTheSitemapPointsBack()
    {
        var sitemap = await SitemapAsync();

        Assert.NotEmpty(sitemap);
        foreach (var (location, alternates) in sitemap)
        {
            Assert.Contains(location, alternates.Values);
            Assert.Equal(alternates["en"], alternates["x-default"]);
            foreach (var (language, href) in alternates.Where(a => a.Key != "x-default"))
            {
                Assert.True(sitemap.TryGetValue(href, out var theirs), $"{location} names {href}, which is not in the sitemap");
                Assert.Equal(alternates, theirs);
                Assert.Equal(language, LanguageOf(href));
            }
        }
    }

    [Fact]
    public async Task TheSeededTranslationsAreAlternatesOfEachOther()
    {
        var sitemap = await SitemapAsync();

        var asylum = sitemap[SiteFactory.BaseAddress + "/practice-areas/asylum"];
        Assert.Equal(SiteFactory.BaseAddress + "/es/areas-de-practica/asilo", asylum["es"]);
        Assert.Equal(SiteFactory.BaseAddress + "/fr/domaines-de-pratique/asile", asylum["fr"]);
        Assert.Equal(SiteFactory.BaseAddress + "/", sitemap[SiteFactory.BaseAddress + "/es"]["x-default"]);
        Assert.Equal(SiteFactory.BaseAddress + "/fr/mentions-legales", sitemap[SiteFactory.BaseAddress + "/disclaimer"]["fr"]);
    }

    /// <summary>Needs the layout to include the _HeadAlternates partial (the "views" helper's part of the work).</summary>
    [Fact]
    public async Task EveryPageInTheSitemapNamesTheSameAlternatesInItsHead()
    {
        var sitemap = await SitemapAsync();
        using var client = factory.CreateClient();

        foreach (var (location, alternates) in sitemap)
        {
            using var response = await client.GetAsync(location);
            Assert.True(response.IsSuccessStatusCode, $"{location}: {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            var links = HeadAlternate().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            Assert.True(alternates.Count == links.Count && !alternates.Except(links).Any(), $"{location}: the head's hreflang links differ from the sitemap's");
            var others = alternates.Where(a => a.Key != "x-default" && a.Value != location).Select(a => a.Key).ToList();
            Assert.Equal(others.Count, Regex.Count(html, "<meta property=\"og:locale:alternate\""));
        }
    }

    private async Task<Dictionary<string, Dictionary<string, string>>> SitemapAsync()
    {
        using var client = factory.CreateClient();
        return (await Sitemaps.ReadAllUrlsAsync(client)).ToDictionary(
            url => url.Element(s_sitemap + "loc")!.Value,
            url => url.Elements(s_xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value));
    }

    private static string LanguageOf(string href)
    {
        var path = href[SiteFactory.BaseAddress.Length..];
        return path == "/es" || path.StartsWith("/es/", StringComparison.Ordinal) ? "es"
            : path == "/fr" || path.StartsWith("/fr/", StringComparison.Ordinal) ? "fr"
            : "en";
    }

    [GeneratedRegex("<link rel=\"alternate\" hreflang=\"([^\"]+)\" href=\"([^\"]+)\">")]
    private static partial Regex HeadAlternate();
}
