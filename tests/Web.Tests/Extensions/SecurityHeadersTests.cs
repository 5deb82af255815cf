using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Extensions;

public class SecurityHeadersTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    public static TheoryData<string> Routes
    {
        get
        {
            var routes = PublicRoutes.AllAsTheoryData();
            routes.Add("/no-such-page");
            routes.Add("/css/site.css");
            routes.Add("/healthz");
            return routes;
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryResponseCarriesTheSecurityHeaders(string route)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(route);

        var csp = Header(response, "Content-Security-Policy");
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scriptSrc);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.StartsWith("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("X-Powered-By"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : throw new Xunit.Sdk.XunitException($"{name} is missing from {response.RequestMessage?.RequestUri}");
}
