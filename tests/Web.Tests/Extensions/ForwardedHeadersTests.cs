using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Audit;
using PiriSite.Web.Extensions;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Extensions;

/// <summary>
/// X-Forwarded-For is believed only from a configured proxy, whatever ASPNETCORE_FORWARDEDHEADERS_ENABLED says;
/// rate limits count an IPv6 client by its /64. The app runs on a real loopback socket, so the caller is 127.0.0.1.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string ForgedAddress = "203.0.113.7";

    [Fact]
    public async Task AnUntrustedCallersForwardedForNeitherEscapesTheSignInLimitNorForgesTheAuditAddress()
    {
        // As docker-compose.yml used to: the host's own switch that believes X-Forwarded-* from anyone.
        using var site = await StartAsync(new() { ["ForwardedHeaders_Enabled"] = "true" });
        Assert.Contains(site.Factory.Services.GetServices<IStartupFilter>(), filter => filter.GetType().Name == "ForwardedHeadersStartupFilter");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await PostLoginAsync(site.Client, $"203.0.113.{i + 10}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        await using var scope = site.Factory.CreateDbScope();
        var failures = await scope.Db.AuditEntries.Where(e => e.Action == AuditActions.SignInFailed).ToListAsync();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, entry => Assert.Equal("127.0.0.1", entry.IpAddress));
    }

    [Fact]
    public async Task AConfiguredProxysForwardedForIsTheClientAddress()
    {
        using var site = await StartAsync(new() { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            // Each post comes from another client behind the proxy: none reaches its own limit.
            statuses.Add((await PostLoginAsync(site.Client, $"203.0.113.{i + 10}")).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        await using var scope = site.Factory.CreateDbScope();
        var addresses = await scope.Db.AuditEntries.Where(e => e.Action == AuditActions.SignInFailed).Select(e => e.IpAddress).ToListAsync();
        Assert.Equal(["203.0.113.10", "203.0.113.11", "203.0.113.12"], addresses.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AClientCannotPrependItsOwnAddressThroughAConfiguredProxy()
    {
        using var site = await StartAsync(new() { ["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8" });

        // The client wrote a forged address; the proxy appended the address it saw.
        await PostLoginAsync(site.Client, $"{ForgedAddress}, 198.51.100.4");

        await using var scope = site.Factory.CreateDbScope();
        var entry = await scope.Db.AuditEntries.SingleAsync(e => e.Action == AuditActions.SignInFailed);
        Assert.Equal("198.51.100.4", entry.IpAddress);
    }

    [Fact]
    public async Task TwoIPv6AddressesInOneSlash64ShareARateLimit()
    {
        using var site = await StartAsync(new() { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });

        var first = await PostLoginAsync(site.Client, "2001:db8:5:7::1");
        var second = await PostLoginAsync(site.Client, "2001:db8:5:7:abcd:ef01:2345:6789");
        var third = await PostLoginAsync(site.Client, "2001:db8:5:7:ffff::42");
        var otherNetwork = await PostLoginAsync(site.Client, "2001:db8:5:8::1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherNetwork.StatusCode);
    }

    [Theory]
    [InlineData("2001:db8:5:7::1", "2001:db8:5:7::/64")]
    [InlineData("2001:db8:5:7:abcd:ef01:2345:6789", "2001:db8:5:7::/64")]
    [InlineData("::ffff:198.51.100.4", "198.51.100.4")]
    [InlineData("198.51.100.4", "198.51.100.4")]
    public void TheRateLimitPartitionIsTheIPv4AddressOrTheIPv6Slash64(string address, string partition) =>
        Assert.Equal(partition, RateLimitPolicies.ClientPartition(IPAddress.Parse(address)));

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string forwardedFor)
    {
        // Cookies carried by hand: a Secure cookie is still sent back over plain HTTP on loopback.
        using var login = await client.GetAsync("/account/login");
        var page = await login.Content.ReadAsStringAsync();
        var cookies = login.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : [];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page),
                ["Email"] = "nobody@pirisite.test",
                ["Password"] = "not the right password",
                ["ReturnUrl"] = "/admin",
            }),
        };
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    private static Task<RunningSite> StartAsync(Dictionary<string, string?> settings)
    {
        settings["Security:SignInRateLimit:PermitLimit"] = "2";
        settings["Security:SignInRateLimit:WindowSeconds"] = "600";
        settings["AllowedHosts"] = "127.0.0.1";
        var factory = new SiteFactory(settings);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        return Task.FromResult(new RunningSite(factory, new HttpClient(handler) { BaseAddress = new Uri(address) }));
    }

    private sealed record RunningSite(SiteFactory Factory, HttpClient Client) : IDisposable
    {
        public void Dispose()
        {
            Client.Dispose();
            Factory.Dispose();
        }
    }
}
