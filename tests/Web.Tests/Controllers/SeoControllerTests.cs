using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Content;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers;

public sealed partial class SeoControllerTests : IDisposable
{
    private static readonly XNamespace s_sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace s_atom = "http://www.w3.org/2005/Atom";
    private const string ArticlePath = $"/articles/{PublicRoutes.ArticleSlug}";

    private readonly SiteFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheSitemapHoldsEveryPublishedPageWithItsLastChangeAndNoDraft()
    {
        await AddArticleAsync("draft-on-bond", ContentStatus.Draft, DateTime.UtcNow.AddDays(-1));
        await AddArticleAsync("scheduled-next-week", ContentStatus.Published, DateTime.UtcNow.AddDays(7));
        await AddArticleAsync("deleted-article", ContentStatus.Published, DateTime.UtcNow.AddDays(-1), deleted: true);
        await AddArticleAsync("published-yesterday", ContentStatus.Published, DateTime.UtcNow.AddDays(-1));
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/sitemap-en.xml");
        var urls = await Sitemaps.ReadAllUrlsAsync(client);

        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var english = urls.Select(u => u.Element(s_sitemap + "loc")!.Value)
            .Where(loc => !loc.StartsWith(SiteFactory.BaseAddress + "/es", StringComparison.Ordinal)
                && !loc.StartsWith(SiteFactory.BaseAddress + "/fr", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            PublicRoutes.All.Append("/articles/published-yesterday").Select(path => SiteFactory.BaseAddress + path).Order(StringComparer.Ordinal),
            english.Order(StringComparer.Ordinal));
        Assert.All(urls, url => Assert.True(DateTime.TryParse(url.Element(s_sitemap + "lastmod")?.Value, out _)));
    }

    [Theory]
    [InlineData("es", "/es/areas-de-practica/asilo", "/es/articulos/que-es-el-programa-287g-de-ice")]
    [InlineData("fr", "/fr/domaines-de-pratique/asile", "/fr/articles/qu-est-ce-que-le-programme-287g-de-l-ice")]
    public async Task TheSitemapListsEveryLanguagesPages(string language, string area, string article)
    {
        using var client = _factory.CreateClient();

        var locations = (await Sitemaps.ReadAllUrlsAsync(client)).Select(u => u.Element(s_sitemap + "loc")!.Value).ToList();

        // Home, both indexes, about, consultation, privacy, disclaimer, 11 practice areas and the article.
        var prefix = $"{SiteFactory.BaseAddress}/{language}";
        Assert.Equal(PublicRoutes.All.Count(), locations.Count(loc => loc == prefix || loc.StartsWith(prefix + "/", StringComparison.Ordinal)));
        Assert.Contains(SiteFactory.BaseAddress + area, locations);
        Assert.Contains(SiteFactory.BaseAddress + article, locations);
        Assert.Contains(prefix, locations);
    }

    [Theory]
    [InlineData("/articles/feed.xml", "en", "The Piri Law Firm: immigration articles", "/articles/what-is-the-ice-287g-program")]
    [InlineData("/es/articulos/feed.xml", "es", "The Piri Law Firm: artículos sobre inmigración", "/es/articulos/que-es-el-programa-287g-de-ice")]
    [InlineData("/fr/articles/feed.xml", "fr", "The Piri Law Firm : articles sur l’immigration", "/fr/articles/qu-est-ce-que-le-programme-287g-de-l-ice")]
    public async Task EachLanguageHasItsOwnFeed(string path, string language, string title, string entryPath)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(path);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(language, feed.Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal(SiteFactory.BaseAddress + path, feed.Root.Element(s_atom + "id")!.Value);
        Assert.Equal(title, feed.Root.Element(s_atom + "title")!.Value);
        var entry = Assert.Single(feed.Root.Elements(s_atom + "entry"));
        Assert.Equal(SiteFactory.BaseAddress + entryPath, entry.Element(s_atom + "id")!.Value);
    }

    [Fact]
    public async Task EachLanguageHasItsOwnSocialCard()
    {
        using var client = _factory.CreateClient();

        var english = await client.GetByteArrayAsync("/social-card.png");
        var spanish = await client.GetByteArrayAsync("/es/social-card.png");
        var french = await client.GetByteArrayAsync("/fr/social-card.png");

        using var card = SkiaSharp.SKBitmap.Decode(spanish);
        Assert.Equal((1200, 630), (card.Width, card.Height));
        Assert.NotEqual(english, spanish);
        Assert.NotEqual(english, french);
        Assert.NotEqual(spanish, french);
    }

    [Fact]
    public async Task RobotsKeepsCrawlersOutOfEveryLanguagesConfirmationPage()
    {
        using var client = _factory.CreateClient();

        var robots = await client.GetStringAsync("/robots.txt");

        Assert.Contains("Disallow: /consultation/received\n", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /es/consulta/recibida\n", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /fr/consultation/recue\n", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /es/consulta/form-token\n", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFirmIsAvailableInThreeLanguagesAndTheSpanishPageSaysItIsSpanish()
    {
        using var client = _factory.CreateClient();

        var graph = await StructuredDataAsync(client, "/es/acerca-de");

        var firm = Node(graph, "LegalService");
        Assert.Equal(["en", "es", "fr"], firm.GetProperty("availableLanguage").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Abogado de inmigración", firm.GetProperty("employee").GetProperty("jobTitle").GetString());
        Assert.Equal("es", Node(graph, "WebPage").GetProperty("inLanguage").GetString());
        var article = Node(await StructuredDataAsync(client, "/fr/articles/qu-est-ce-que-le-programme-287g-de-l-ice"), "Article");
        Assert.Equal("fr", article.GetProperty("inLanguage").GetString());
    }

    [Fact]
    public async Task RobotsKeepsCrawlersOutOfTheStaffAreaAndPointsToTheSitemap()
    {
        using var client = _factory.CreateClient();

        var robots = await client.GetStringAsync("/robots.txt");

        Assert.Contains("Disallow: /admin\n", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /account\n", robots, StringComparison.Ordinal);
        Assert.Contains($"Sitemap: {SiteFactory.BaseAddress}/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.DoesNotContain("Disallow: /\n", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFeedIsWellFormedAtomWithTheArticles()
    {
        await AddArticleAsync("draft-in-feed", ContentStatus.Draft, DateTime.UtcNow.AddDays(-1));
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/articles/feed.xml");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(s_atom + "feed", feed.Root!.Name);
        Assert.NotEmpty(feed.Root.Element(s_atom + "title")!.Value);
        Assert.True(DateTime.TryParse(feed.Root.Element(s_atom + "updated")!.Value, out _));
        var entry = Assert.Single(feed.Root.Elements(s_atom + "entry"));
        Assert.Equal("What is the ICE 287(g) Program?", entry.Element(s_atom + "title")!.Value);
        Assert.Equal(SiteFactory.BaseAddress + ArticlePath, entry.Element(s_atom + "id")!.Value);
        Assert.Equal(SiteFactory.BaseAddress + ArticlePath, entry.Element(s_atom + "link")!.Attribute("href")!.Value);
        Assert.NotEmpty(entry.Element(s_atom + "author")!.Element(s_atom + "name")!.Value);
        Assert.True(DateTime.TryParse(entry.Element(s_atom + "published")!.Value, out _));
        var content = entry.Element(s_atom + "content")!;
        Assert.Equal("html", content.Attribute("type")!.Value);
        Assert.Contains("<h2 id=\"how-the-287g-program-works\">", content.Value, StringComparison.Ordinal);
        Assert.Contains("/articles/feed.xml", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPageDescribesTheFirmAndItsAttorneyAsStructuredData()
    {
        using var client = _factory.CreateClient();

        foreach (var path in new[] { "/", "/about", "/practice-areas/asylum" })
        {
            var graph = await StructuredDataAsync(client, path);
            var firm = Node(graph, "LegalService");
            Assert.Contains("Attorney", firm.GetProperty("@type").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal("The Piri Law Firm", firm.GetProperty("name").GetString());
            Assert.Equal("+18336000029", firm.GetProperty("telephone").GetString());
            Assert.Equal("Dallas–Fort Worth, Texas", firm.GetProperty("areaServed").GetProperty("name").GetString());
            Assert.Equal(["English", "Spanish", "French"], firm.GetProperty("knowsLanguage").EnumerateArray().Select(l => l.GetString()));
            Assert.Equal("Michael Piri", firm.GetProperty("employee").GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task TheArticleCarriesItsAuthorDatesReviewerAndBreadcrumbs()
    {
        await using (var scope = _factory.CreateDbScope())
        {
            var stored = await scope.Db.Articles.SingleAsync(a => a.Slug == PublicRoutes.ArticleSlug);
            stored.ReviewedAt = new DateTime(2026, 11, 2, 15, 0, 0, DateTimeKind.Utc);
            stored.ReviewedBy = "Michael Piri";
            await scope.Db.SaveChangesAsync();
        }

        using var client = _factory.CreateClient();
        var graph = await StructuredDataAsync(client, ArticlePath);

        var article = Node(graph, "Article");
        Assert.Equal("What is the ICE 287(g) Program?", article.GetProperty("headline").GetString());
        Assert.False(string.IsNullOrEmpty(article.GetProperty("author").GetProperty("name").GetString()));
        Assert.True(DateTime.TryParse(article.GetProperty("datePublished").GetString(), out _));
        Assert.True(DateTime.TryParse(article.GetProperty("dateModified").GetString(), out _));
        Assert.Equal(SiteFactory.BaseAddress + "/#firm", article.GetProperty("publisher").GetProperty("@id").GetString());
        var page = Node(graph, "WebPage");
        Assert.Equal("Michael Piri", page.GetProperty("reviewedBy").GetProperty("name").GetString());
        Assert.StartsWith("2026-11-02", page.GetProperty("lastReviewed").GetString(), StringComparison.Ordinal);
        var crumbs = Node(graph, "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(["Home", "Articles", "What is the ICE 287(g) Program?"], crumbs.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal([1, 2, 3], crumbs.Select(c => c.GetProperty("position").GetInt32()));
        Assert.Equal(SiteFactory.BaseAddress + ArticlePath, crumbs[^1].GetProperty("item").GetString());
    }

    [Theory]
    [InlineData("/", "website")]
    [InlineData(ArticlePath, "article")]
    [InlineData("/practice-areas/asylum", "website")]
    public async Task SharedLinksShowTheTitleDescriptionAndCanonicalAddress(string path, string type)
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync(path);

        Assert.Equal(type, Meta(html, "og:type"));
        Assert.Equal(Html.Canonical(html), Meta(html, "og:url"));
        Assert.Equal(SiteFactory.BaseAddress + (path == "/" ? "/" : path), Html.Canonical(html));
        Assert.False(string.IsNullOrEmpty(Meta(html, "og:title")));
        Assert.Equal(Html.MetaDescription(html), Meta(html, "og:description"));
        Assert.Equal("summary_large_image", Meta(html, "twitter:card"));
        Assert.Equal(SiteFactory.BaseAddress + "/social-card.png", Meta(html, "og:image"));
        Assert.Equal(Meta(html, "og:image"), Meta(html, "twitter:image"));
        Assert.Equal("1200", Meta(html, "og:image:width"));
        Assert.Equal("630", Meta(html, "og:image:height"));
        Assert.Contains("(833) 600-0029", Meta(html, "og:image:alt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSocialCardIsServedAsAPngFromTheCache()
    {
        using var client = _factory.CreateClient();

        using var first = await client.GetAsync("/social-card.png");
        using var second = await client.GetAsync("/social-card.png");

        Assert.Equal("image/png", first.Content.Headers.ContentType?.MediaType);
        using var card = SkiaSharp.SKBitmap.Decode(await first.Content.ReadAsByteArrayAsync());
        Assert.Equal((1200, 630), (card.Width, card.Height));
        Assert.True(second.Headers.Age.HasValue, "the second request was drawn again instead of served from the cache");
    }

    [Fact]
    public async Task TextInTheStructuredDataCannotCloseItsScriptElement()
    {
        await using (var scope = _factory.CreateDbScope())
        {
            var stored = await scope.Db.Articles.SingleAsync(a => a.Slug == PublicRoutes.ArticleSlug);
            stored.Title = "Title </script><script>alert(1)</script>";
            await scope.Db.SaveChangesAsync();
        }

        using var client = _factory.CreateClient();
        var html = await client.GetStringAsync(ArticlePath);

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Equal("Title </script><script>alert(1)</script>", Node(await StructuredDataAsync(client, ArticlePath), "Article").GetProperty("headline").GetString());
    }

    private async Task AddArticleAsync(string slug, ContentStatus status, DateTime publishedAt, bool deleted = false)
    {
        await using (var scope = _factory.CreateDbScope())
        {
            scope.Db.Articles.Add(new Article
            {
                TranslationKey = slug, Title = slug, Slug = slug, Status = status, PublishedAt = publishedAt,
                UpdatedAt = publishedAt, DeletedAt = deleted ? DateTime.UtcNow : null, AuthorName = "Michael Piri",
            });
            await scope.Db.SaveChangesAsync();
        }

        await _factory.Services.ReloadPublishedContentAsync();
    }

    private static async Task<List<JsonElement>> StructuredDataAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var json = JsonLd().Match(html).Groups[1].Value;
        using var document = JsonDocument.Parse(json);
        Assert.Equal("https://schema.org", document.RootElement.GetProperty("@context").GetString());
        return document.RootElement.GetProperty("@graph").EnumerateArray().Select(node => node.Clone()).ToList();
    }

    private static JsonElement Node(List<JsonElement> graph, string type) =>
        Assert.Single(graph, node => node.GetProperty("@type") is var t
            && (t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Any(x => x.GetString() == type) : t.GetString() == type));

    private static string? Meta(string html, string property) =>
        Regex.Match(html, $"<meta (?:property|name)=\"{Regex.Escape(property)}\" content=\"([^\"]*)\"") is { Success: true } match
            ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value)
            : null;

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();
}
