using System.Net;
using System.Xml.Linq;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers;

/// <summary>
/// The sitemap index names one sitemap per language, split into parts past Site:SitemapUrlLimit URLs (50,000 by
/// default, the protocol's limit; 10 here so a few articles split it).
/// </summary>
public sealed class SitemapIndexTests : IAsyncLifetime, IDisposable
{
    private readonly SiteFactory _site = new(new Dictionary<string, string?> { ["Site:SitemapUrlLimit"] = "10" });

    public async Task InitializeAsync() => await ManyArticles.AddAsync(_site, 15, "mapped");

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task TheIndexNamesEachLanguagesSitemapAndItsParts()
    {
        using var client = _site.CreateClient();

        var sitemaps = await Sitemaps.ReadIndexAsync(client);

        // English: the 21 seeded pages and 15 more articles = 36 URLs, four parts of at most 10; Spanish and French
        // have 21 each, three parts.
        Assert.Equal(
            [
                "/sitemap-en.xml", "/sitemap-en-2.xml", "/sitemap-en-3.xml", "/sitemap-en-4.xml",
                "/sitemap-es.xml", "/sitemap-es-2.xml", "/sitemap-es-3.xml",
                "/sitemap-fr.xml", "/sitemap-fr-2.xml", "/sitemap-fr-3.xml",
            ],
            sitemaps.Select(s => s[SiteFactory.BaseAddress.Length..]));
        foreach (var sitemap in sitemaps)
        {
            var urls = XDocument.Parse(await client.GetStringAsync(sitemap[SiteFactory.BaseAddress.Length..]))
                .Root!.Elements(Sitemaps.Namespace + "url").ToList();
            Assert.InRange(urls.Count, 1, 10);
        }
    }

    [Fact]
    public async Task ThePartsTogetherHoldEveryPageOnce()
    {
        using var client = _site.CreateClient();

        var locations = (await Sitemaps.ReadAllUrlsAsync(client)).Select(u => u.Element(Sitemaps.Namespace + "loc")!.Value).ToList();

        Assert.Equal(locations.Count, locations.Distinct().Count());
        Assert.Equal(3 * PublicRoutes.All.Count() + 15, locations.Count);
        Assert.Contains(SiteFactory.BaseAddress + "/articles/mapped-15", locations);
    }

    [Theory]
    [InlineData("/sitemap-en-5.xml")]
    [InlineData("/sitemap-en-1.xml")]
    [InlineData("/sitemap-de.xml")]
    public async Task APartThatDoesNotExistIsNotFound(string path)
    {
        using var client = _site.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }
}
