using System.Net;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers;

/// <summary>The article indexes 20 a page, newest first, each page at its own address linked to its neighbours.</summary>
public sealed class ArticleIndexPagingTests : IAsyncLifetime, IDisposable
{
    // With the seeded 287(g) article (newer than these), English has 46 articles: pages of 20, 20 and 6.
    private const int Added = 45;
    private readonly SiteFactory _site = new();

    public async Task InitializeAsync() => await ManyArticles.AddAsync(_site, Added, "paged");

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task TheFirstPageHasTheNewestTwentyAndLinksToTheNext()
    {
        using var client = _site.CreateClient();

        var html = await client.GetStringAsync("/articles");

        Assert.Equal(["/articles/" + PublicRoutes.ArticleSlug, .. Enumerable.Range(1, 19).Select(n => $"/articles/paged-{n}")], Html.CardLinks(html));
        Assert.Equal(SiteFactory.BaseAddress + "/articles", Html.Canonical(html));
        Assert.Null(Html.LinkRel(html, "prev"));
        Assert.Equal(SiteFactory.BaseAddress + "/articles/page/2", Html.LinkRel(html, "next"));
    }

    [Fact]
    public async Task AMiddlePageLinksBothWaysAndIsItsOwnCanonical()
    {
        using var client = _site.CreateClient();

        var html = await client.GetStringAsync("/articles/page/2");

        Assert.Equal(Enumerable.Range(20, 20).Select(n => $"/articles/paged-{n}"), Html.CardLinks(html));
        Assert.Equal(SiteFactory.BaseAddress + "/articles/page/2", Html.Canonical(html));
        Assert.Equal(SiteFactory.BaseAddress + "/articles", Html.LinkRel(html, "prev"));
        Assert.Equal(SiteFactory.BaseAddress + "/articles/page/3", Html.LinkRel(html, "next"));
        Assert.Contains("Immigration articles, page 2 of 3", Html.Title(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLastPageHoldsTheRestAndHasNoNext()
    {
        using var client = _site.CreateClient();

        var html = await client.GetStringAsync("/articles/page/3");

        Assert.Equal(Enumerable.Range(40, 6).Select(n => $"/articles/paged-{n}"), Html.CardLinks(html));
        Assert.Equal(SiteFactory.BaseAddress + "/articles/page/2", Html.LinkRel(html, "prev"));
        Assert.Null(Html.LinkRel(html, "next"));
    }

    [Theory]
    [InlineData("/articles/page/4", "en", "We could not find that page")]
    [InlineData("/articles/page/0", "en", "We could not find that page")]
    [InlineData("/es/articulos/pagina/9", "es", "No encontramos esa página")]
    [InlineData("/fr/articles/page/2", "fr", "Nous n’avons pas trouvé cette page")]
    public async Task APagePastTheLastIsNotFoundInThePagesLanguage(string path, string language, string heading)
    {
        using var client = _site.CreateClient();

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"<html lang=\"{language}\"", html, StringComparison.Ordinal);
        Assert.Contains(heading, Html.Headings(html, 1));
    }

    [Theory]
    [InlineData("/es/articulos/pagina/1", "/es/articulos")]
    [InlineData("/articles/page/02", "/articles/page/2")]
    [InlineData("/articles/page/+2", "/articles/page/2")]
    public async Task EachPageHasOneAddress(string path, string address)
    {
        using var client = _site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri(SiteFactory.BaseAddress) });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(address, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task EachIndexPageStaysSmallWhateverTheNumberOfArticles()
    {
        using var client = _site.CreateClient();

        foreach (var path in new[] { "/articles", "/articles/page/2" })
        {
            var bytes = await client.GetByteArrayAsync(path);
            Assert.True(bytes.Length < 60_000, $"{path} is {bytes.Length} bytes");
        }
    }
}
