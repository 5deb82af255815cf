using System.Text.Json;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Extensions;

/// <summary>
/// In Production the site writes one JSON object per line (appsettings.Production.json), each naming the instance, and
/// a request's events carry the trace id of the traceparent the proxy sent: one request can be followed from the
/// proxy's access log into the instance's.
/// </summary>
public class JsonLogTests
{
    [Fact]
    public async Task InProductionEveryLineIsJsonAndARequestsEventsCarryTheProxysTraceIdAndTheInstance()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        await using var site = await SiteServerProcess.StartAsync(new Dictionary<string, string> { ["Site__InstanceName"] = "web-b" });
        using (var client = new HttpClient { BaseAddress = site.Address })
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/healthz"))
        {
            request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var lines = await site.StopAsync();

        Assert.NotEmpty(lines);
        var events = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(events, e => Assert.Equal("web-b", e.GetProperty("Instance").GetString()));
        var requestEvents = events.Where(e => e.TryGetProperty("@tr", out var tr) && tr.GetString() == traceId).ToList();
        Assert.Contains(requestEvents, e => e.TryGetProperty("RequestPath", out var path) && path.GetString() == "/healthz"
            && e.GetProperty("StatusCode").GetInt32() == 200);
        Assert.All(requestEvents, e => Assert.Equal(16, e.GetProperty("@sp").GetString()!.Length));
    }
}
