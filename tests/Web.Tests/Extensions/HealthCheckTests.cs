using System.Net;
using Microsoft.Data.Sqlite;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Extensions;

public class HealthCheckTests
{
    [Fact]
    public async Task HealthzIsHealthyWhenTheDatabaseAnswers()
    {
        using var factory = new SiteFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthzIsUnhealthyWhenTheDatabaseCannotBeOpened()
    {
        using var factory = new SiteFactory();
        using var client = factory.CreateClient();

        // Replace the database file with something that is not a database.
        SqliteConnection.ClearAllPools();
        File.WriteAllText(factory.DatabasePath, new string('x', 8192));
        foreach (var sidecar in new[] { "-wal", "-shm" })
        {
            File.Delete(factory.DatabasePath + sidecar);
        }

        // A background service (the outbox sender, the publication watcher) may have had a connection open
        // while the pools were cleared; it still maps the old files until it is back in the pool and cleared.
        var response = await client.GetAsync("/healthz");
        for (var attempt = 0; attempt < 50 && response.StatusCode == HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(100);
            SqliteConnection.ClearAllPools();
            response = await client.GetAsync("/healthz");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}
