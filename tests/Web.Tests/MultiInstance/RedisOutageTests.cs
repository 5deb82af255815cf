using System.Diagnostics;
using System.Net;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PiriSite.Web.Tests.MultiInstance;

/// <summary>
/// An instance that loses Redis keeps serving: pages uncached, edits made on another instance still shown (it reloads
/// its content every second while it cannot hear), /healthz Degraded (still 200); and when Redis is back, pages are
/// cached again. Redis here is a server of this test's own, so it can be stopped and started again.
/// </summary>
public sealed class RedisOutageTests(ITestOutputHelper output) : IDisposable
{
    private readonly int _port = TestSmtpServer.FreePort();
    private Process? _redis;

    [MultiInstanceFact]
    public async Task AnInstanceThatLosesRedisServesPagesUncachedAndStillShowsEdits()
    {
        StartRedis();
        await using var cluster = new SiteCluster(redisConfiguration: $"127.0.0.1:{_port}");
        var a = await cluster.StartAsync("web-a");
        var b = await cluster.StartAsync("web-b");
        using var visitor = a.NewVisitor();
        using var arranging = cluster.ArrangingFactory();
        var (user, key) = await StaffSessions.CreateAsync(arranging, $"{Guid.NewGuid():N}@pirisite.test", StaffRoles.Attorney);
        await StaffSessions.SignInWithAsync(b.Client, user.Email!, key);
        var id = await SeveralInstancesTests.CreateArticleAsync(b.Client, "Before The Outage", "outage-article");
        Assert.True(await SeveralInstancesTests.ServedFromCacheAsync(visitor, "/articles/outage-article"));

        StopRedis();
        for (var i = 0; i < 3; i++)
        {
            using var page = await visitor.GetAsync("/articles/outage-article");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Null(page.Headers.Age);
        }

        var health = await WaitForHealthAsync(a, "redis: Degraded");
        Assert.Equal("Degraded", health.Split('\n')[0]);

        // An edit on B, which A cannot hear of: A shows it within its reload interval.
        await SeveralInstancesTests.EditArticleAsync(b.Client, id, "During The Outage", "outage-article");
        var saved = Stopwatch.StartNew();
        string text;
        do
        {
            text = await visitor.GetStringAsync("/articles/outage-article");
        }
        while (!text.Contains("During The Outage", StringComparison.Ordinal) && saved.Elapsed < TimeSpan.FromSeconds(5));

        output.WriteLine($"A showed B's edit {saved.Elapsed.TotalMilliseconds:0} ms after the save, without Redis");
        Assert.Contains("During The Outage", text, StringComparison.Ordinal);

        // Redis back: healthy again, and pages are cached again (the old copies were evicted on reconnection).
        StartRedis();
        await WaitForHealthAsync(a, "redis: Healthy");
        Assert.True(await SeveralInstancesTests.ServedFromCacheAsync(visitor, "/articles/outage-article"));
        Assert.Contains("During The Outage", await visitor.GetStringAsync("/articles/outage-article"), StringComparison.Ordinal);
    }

    private static async Task<string> WaitForHealthAsync(SiteProcess site, string line)
    {
        var body = "";
        for (var attempt = 0; attempt < 150; attempt++)
        {
            using var response = await site.Client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            body = await response.Content.ReadAsStringAsync();
            if (body.Split('\n').Any(l => l.StartsWith(line, StringComparison.Ordinal)))
            {
                return body;
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"/healthz never said \"{line}\": {body}");
    }

    private void StartRedis()
    {
        _redis = TestRedis.StartServer(_port);
        Thread.Sleep(300);
    }

    private void StopRedis()
    {
        _redis?.Kill();
        _redis?.WaitForExit();
        _redis?.Dispose();
        _redis = null;
    }

    public void Dispose() => StopRedis();
}
