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
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The overall word first (what a load balancer reads), then each check; no Redis line without Redis.
        Assert.Equal(["Healthy", "database: Healthy", "outbox: Healthy"], lines);
    }

    [Fact]
    public async Task HealthzIsUnhealthyWhenTheDatabaseCannotBeOpened()
    {
        // Without the site's background services: one that still held a connection could write its transaction
        // back into the replaced file and make it a database again.
        using var factory = new SiteFactory { RunsBackgroundServices = false };
        using var client = factory.CreateClient();

        if (TestDatabase.IsPostgres)
        {
            // The database is gone (its server answers, but not for it).
            TestDatabase.DropPostgresDatabase(factory.ConnectionString);
        }
        else
        {
            // Replace the database file with something that is not a database.
            SqliteConnection.ClearAllPools();
            File.WriteAllText(factory.DatabasePath, new string('x', 8192));
            foreach (var sidecar in new[] { "-wal", "-shm" })
            {
                File.Delete(factory.DatabasePath + sidecar);
            }
        }

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Unhealthy", lines[0]);
        Assert.Contains("database: Unhealthy", lines);
    }
}
