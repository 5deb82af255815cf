using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Extensions;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// Every admin endpoint, found from the app's own endpoint data (so a new one cannot be forgotten), holds
/// the rules: anonymous visitors are sent to sign in, Staff are refused Attorney-only actions, and no POST
/// is accepted without an antiforgery token.
/// </summary>
public class AdminAuthorizationTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private sealed record AdminEndpoint(string Method, string Path, bool AttorneyOnly);

    private List<AdminEndpoint> AdminEndpoints()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw == "admin" || raw.StartsWith("admin/", StringComparison.Ordinal)))
            .SelectMany(e =>
            {
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                var attorneyOnly = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == IdentityExtensions.AttorneyPolicy);
                // Route values: a number where the route wants one, an identifier otherwise.
                var path = "/" + System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, "\\{([^}:]+)(:[^}]+)?\\}",
                    m => m.Groups[2].Value.Contains("int", StringComparison.Ordinal) ? "1" : "00000000-0000-0000-0000-000000000000");
                return methods.Select(m => new AdminEndpoint(m, path, attorneyOnly));
            })
            .Distinct()
            .ToList();
        Assert.True(endpoints.Count >= 7, $"only {endpoints.Count} admin endpoints found");
        return endpoints;
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignInFromEveryAdminEndpoint()
    {
        using var client = StaffSessions.NewClient(factory);
        foreach (var endpoint in AdminEndpoints())
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
            var page = await client.GetStringAsync("/consultation");
            if (endpoint.Method == "POST")
            {
                // With a valid token, so that only authorization can refuse it.
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page) });
            }

            var response = await client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{endpoint.Method} {endpoint.Path} answered {(int)response.StatusCode}");
            Assert.StartsWith($"{SiteFactory.BaseAddress}/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StaffAreRefusedEveryAttorneyOnlyEndpoint()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, "plainstaff@pirisite.test", StaffRoles.Staff);
        using var client = await StaffSessions.SignInAsync(factory, user.Email!, key);
        var token = StaffSessions.AntiforgeryToken(await client.GetStringAsync("/admin"));
        var attorneyOnly = AdminEndpoints().Where(e => e.AttorneyOnly).ToList();
        Assert.NotEmpty(attorneyOnly);

        foreach (var endpoint in attorneyOnly)
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
            if (endpoint.Method == "POST")
            {
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            }

            var response = await client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden,
                $"{endpoint.Method} {endpoint.Path} answered {(int)response.StatusCode} {response.Headers.Location}");
            Assert.Contains("This page is not available", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryAdminPostIsRefusedWithoutAnAntiforgeryToken()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, "attorney.af@pirisite.test", StaffRoles.Attorney);
        using var client = await StaffSessions.SignInAsync(factory, user.Email!, key);
        var posts = AdminEndpoints().Where(e => e.Method == "POST").ToList();
        Assert.NotEmpty(posts);

        foreach (var endpoint in posts.Append(new AdminEndpoint("POST", "/account/logout", false)))
        {
            var response = await client.PostAsync(endpoint.Path, new FormUrlEncodedContent([]));

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{endpoint.Path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task AdminPagesAreNeverCached()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, "attorney.cache@pirisite.test", StaffRoles.Attorney);
        using var client = await StaffSessions.SignInAsync(factory, user.Email!, key);

        // Pages that need an existing item (a route value) are left to their own tests.
        foreach (var endpoint in AdminEndpoints().Where(e => e.Method == "GET" && !e.Path.Contains("/1/", StringComparison.Ordinal)
            && !e.Path.EndsWith("/1", StringComparison.Ordinal) && !e.Path.Contains("00000000", StringComparison.Ordinal)))
        {
            var response = await client.GetAsync(endpoint.Path);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{endpoint.Path} must be no-store");
        }
    }
}
