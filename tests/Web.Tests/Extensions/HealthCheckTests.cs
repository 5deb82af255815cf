using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        // Without the site's background services: one that still held a connection (the outbox sender, retention,
        // the publication watcher) could write its transaction back into the replaced file and make it a database again.
        using var quiet = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            foreach (var background in services.Where(d => d.ServiceType == typeof(IHostedService)
                && (d.ImplementationFactory is not null || d.ImplementationType?.Namespace?.StartsWith("PiriSite", StringComparison.Ordinal) == true)).ToList())
            {
                services.Remove(background);
            }
        }));
        using var client = quiet.CreateClient();

        // Replace the database file with something that is not a database.
        SqliteConnection.ClearAllPools();
        File.WriteAllText(factory.DatabasePath, new string('x', 8192));
        foreach (var sidecar in new[] { "-wal", "-shm" })
        {
            File.Delete(factory.DatabasePath + sidecar);
        }

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}
