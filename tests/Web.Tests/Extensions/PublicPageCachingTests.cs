using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Extensions;

public partial class PublicPageCachingTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private const string ArticlePath = $"/articles/{PublicRoutes.ArticleSlug}";

    public static TheoryData<string> CachedPages()
    {
        var data = new TheoryData<string>();
        foreach (var path in PublicRoutes.All.Where(p => p != "/consultation"))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CachedPages))]
    public async Task EveryPublicPageIsServedFromTheCacheAfterTheFirstVisit(string path)
    {
        using var client = factory.CreateClient();

        var first = await client.GetAsync(path);
        var second = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/practice-areas/asylum")]
    [InlineData(ArticlePath)]
    public async Task ACachedPageNeverCarriesAnotherVisitorsCookieOrToken(string path)
    {
        // The first visitor starts the short form: they get an antiforgery cookie and their own token and key.
        using var first = factory.CreateClient();
        await first.GetStringAsync(path);
        var tokens = await first.GetStringAsync("/consultation/form-token");

        using var second = factory.CreateClient();
        var response = await second.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.NotNull(response.Headers.Age);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        foreach (Match value in JsonStringValue().Matches(tokens))
        {
            Assert.DoesNotContain(value.Groups[1].Value, html, StringComparison.Ordinal);
        }

        // The shared page's form has empty slots for the visitor's own values, and nothing else.
        var form = ConsultationForm.FromPage(html);
        Assert.Equal("", form["__RequestVerificationToken"]);
        Assert.Equal("", form["IdempotencyKey"]);
        Assert.Equal("", form["ShownAt"]);
    }

    [Fact]
    public async Task AMadeUpQueryStringIsAnsweredFromTheSameCachedPage()
    {
        using var client = factory.CreateClient();
        await client.GetAsync("/practice-areas");

        var response = await client.GetAsync($"/practice-areas?utm_source={Guid.NewGuid():N}");

        Assert.NotNull(response.Headers.Age);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task PublicPagesAreCompressedAndCachedCompressed(string encoding)
    {
        using var client = factory.CreateClient();

        var first = await Get(client, ArticlePath, encoding);
        var second = await Get(client, ArticlePath, encoding);

        Assert.Equal(encoding, Assert.Single(first.Content.Headers.ContentEncoding));
        Assert.Equal(encoding, Assert.Single(second.Content.Headers.ContentEncoding));
        Assert.NotNull(second.Headers.Age);
        Assert.Contains("Accept-Encoding", first.Headers.Vary);
        var plain = await (await client.GetAsync(ArticlePath)).Content.ReadAsByteArrayAsync();
        Assert.True((await second.Content.ReadAsByteArrayAsync()).Length < plain.Length / 3, "compressed to less than a third");
    }

    [Theory]
    [InlineData("/consultation")]
    [InlineData("/account/login")]
    public async Task PagesThatEchoInputBesideASecretAreNotCompressed(string path)
    {
        using var client = factory.CreateClient();

        var response = await Get(client, path, "br, gzip");

        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string path, string encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        return client.SendAsync(request);
    }

    [GeneratedRegex("\"(?:token|idempotencyKey|shownAt)\":\"([^\"]+)\"")]
    private static partial Regex JsonStringValue();
}
