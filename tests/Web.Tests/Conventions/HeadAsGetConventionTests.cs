using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Conventions;

public class HeadAsGetConventionTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    public static TheoryData<string> Routes
    {
        get
        {
            var routes = PublicRoutes.AllAsTheoryData();
            routes.Add("/sitemap.xml");
            routes.Add("/robots.txt");
            routes.Add("/articles/feed.xml");
            return routes;
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task HeadIsAnsweredLikeGetOnEveryPublicAddress(string route)
    {
        using var client = factory.CreateClient();

        using var get = await client.GetAsync(route);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, route));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
    }

    [Fact]
    public async Task HeadOfAPageThatDoesNotExistIsStillNotFound()
    {
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/articles/no-such-article"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task HeadOfAStaffPageStillAsksToSignIn()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(SiteFactory.BaseAddress) });

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/admin/leads"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnActionThatOnlyTakesPostDoesNotAnswerHead()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(SiteFactory.BaseAddress) });

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/account/logout"));

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"answered {(int)response.StatusCode}");
    }
}
