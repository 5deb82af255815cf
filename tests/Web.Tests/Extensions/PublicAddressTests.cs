using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Extensions;

/// <summary>
/// Every absolute URL comes from Site:PublicBaseUrl, never from the request's Host; other host names are refused;
/// and the site will not start without the setting.
/// </summary>
public sealed class PublicAddressTests : IDisposable
{
    // The apex is allowed as an extra host name (as a firm would list it in AllowedHosts), so the tests can show
    // that a request arriving under another accepted name still gets links to the configured public address.
    private readonly SiteFactory _factory = new(new Dictionary<string, string?> { ["AllowedHosts"] = "pirisite.test" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AConsultationPostedWithAForeignHostIsRefusedAndQueuesNoEmail()
    {
        using var client = _factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/consultation") { Content = form.Content() };
        request.Headers.Host = "attacker.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Invalid Hostname", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = _factory.CreateDbScope();
        Assert.False(await scope.Db.ConsultationRequests.AnyAsync());
        Assert.False(await scope.Db.OutboxMessages.AnyAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/articles/feed.xml")]
    [InlineData("/sitemap.xml")]
    public async Task AnyOtherHostNameIsRefused(string path)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "attacker.example";

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task TheIntakeEmailLinksToThePublicAddressWhateverHostTheFormWasPostedTo()
    {
        using var client = _factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/consultation") { Content = form.Content() };
        request.Headers.Host = "pirisite.test";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = _factory.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.SingleAsync();
        var intake = await scope.Db.OutboxMessages.SingleAsync(m => m.To == "intake@localhost");
        var text = await OutboxText.ReadAsync(_factory, intake);
        Assert.Contains($"{SiteFactory.BaseAddress}/admin/leads/{stored.Reference}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("//pirisite.test", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CanonicalSitemapRobotsAndFeedNameThePublicAddressWhateverHostTheRequestCarries()
    {
        using var client = _factory.CreateClient();

        var home = await GetAsync(client, "/practice-areas");
        var sitemap = XDocument.Parse(await GetAsync(client, "/sitemap.xml"));
        var robots = await GetAsync(client, "/robots.txt");
        var feed = await GetAsync(client, "/articles/feed.xml");

        Assert.Equal($"{SiteFactory.BaseAddress}/practice-areas", Html.Canonical(home));
        Assert.Contains($"content=\"{SiteFactory.BaseAddress}/social-card.png\"", home, StringComparison.Ordinal);
        Assert.Contains($"\"{SiteFactory.BaseAddress}/\"", home, StringComparison.Ordinal); // JSON-LD's url
        Assert.All(sitemap.Descendants().Where(e => e.Name.LocalName == "loc"),
            loc => Assert.StartsWith($"{SiteFactory.BaseAddress}/", loc.Value, StringComparison.Ordinal));
        Assert.Contains($"Sitemap: {SiteFactory.BaseAddress}/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Contains($"{SiteFactory.BaseAddress}/articles/", feed, StringComparison.Ordinal);
        foreach (var body in new[] { home, sitemap.ToString(), robots, feed })
        {
            Assert.DoesNotContain("//pirisite.test", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("www.pirilawfirm.com")]
    [InlineData("ftp://www.pirilawfirm.com")]
    [InlineData("https://www.pirilawfirm.com/firm")]
    [InlineData("https://www.pirilawfirm.com/?a=b")]
    public void InProductionTheSiteRefusesToStartWithoutAUsablePublicAddress(string value)
    {
        using var factory = new SiteFactory(new Dictionary<string, string?> { ["Site:PublicBaseUrl"] = value });
        using var production = factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        var failure = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        var messages = string.Join(" | ", Chain(failure).Select(e => e.Message));
        Assert.Contains("Site:PublicBaseUrl", messages, StringComparison.Ordinal);
        Assert.Contains("Site__PublicBaseUrl", messages, StringComparison.Ordinal);
    }

    /// <summary>A GET under the extra host name: a page cached under the public name may answer it, and must.</summary>
    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "pirisite.test";
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}
