using System.Net;
using Microsoft.EntityFrameworkCore;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers;

public class ErrorControllerTests
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/practice-areas/no-such-area/extra")]
    [InlineData("/articles/NOPE")]
    public async Task UnknownAddressesGetTheNotFoundPage(string url)
    {
        using var factory = new SiteFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("We could not find that page", Html.Headings(html, 1).Single());
        Assert.Contains("/practice-areas", Html.Hrefs(html));
    }

    [Fact]
    public async Task AServerErrorShowsAFriendlyPageWithoutDetails()
    {
        using var factory = new SiteFactory();
        using var client = factory.CreateClient();
        await using (var scope = factory.CreateDbScope())
        {
            // Break the articles table for real, so the page fails deep inside EF Core.
            await scope.Db.Database.ExecuteSqlRawAsync(TestDatabase.DropTable("Articles"));
        }

        var response = await client.GetAsync("/articles");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Something went wrong on our side", Html.Headings(html, 1).Single());
        Assert.Contains("tel:+18336000029", Html.Hrefs(html));
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("no such table", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at PiriSite", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheErrorPageStillRendersWhenTheDatabaseIsGone()
    {
        using var factory = new SiteFactory();
        using var client = factory.CreateClient();
        await using (var scope = factory.CreateDbScope())
        {
            await scope.Db.Database.ExecuteSqlRawAsync(TestDatabase.DropTable("FirmProfiles"));
        }

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Something went wrong on our side", Html.Headings(html, 1).Single());
        Assert.Contains("<nav class=\"main-nav\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostingToAReadOnlyPageIsRefusedPolitely()
    {
        using var factory = new SiteFactory();
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/about", new FormUrlEncodedContent([]));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("This page cannot do that", Html.Headings(html, 1).Single());
    }
}
