using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Data;

/// <summary>Two replicas started at once against one new PostgreSQL database: both start, and the database is seeded once.</summary>
public class SiteDbInitialiserReplicaTests
{
    [PostgresFact]
    public async Task TwoReplicasStartingAtOnceOnAnEmptyDatabaseBothStartAndSeedItOnce()
    {
        // A few rounds: the race without the lock does not show every time.
        for (var round = 0; round < 3; round++)
        {
            var database = TestDatabase.CreateEmptyPostgresDatabase();
            try
            {
                var settings = new Dictionary<string, string?>
                {
                    ["ConnectionStrings:Site"] = database,
                    ["Admin:Email"] = "michael@pirisite.test",
                    ["Admin:Password"] = "an unattended first attorney passphrase",
                };
                using var first = new SiteFactory(settings) { RunsBackgroundServices = false };
                using var second = new SiteFactory(settings) { RunsBackgroundServices = false };

                // Each host runs the initialiser as it starts, as Program.cs does.
                await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

                await using var scope = first.CreateDbScope();
                Assert.Empty(await scope.Db.Database.GetPendingMigrationsAsync());
                foreach (var culture in SiteCulture.Supported)
                {
                    Assert.Equal(11, await scope.Db.PracticeAreas.CountAsync(p => p.Culture == culture));
                    Assert.Equal(1, await scope.Db.Articles.CountAsync(a => a.Culture == culture));
                    Assert.Equal(1, await scope.Db.FirmProfiles.CountAsync(f => f.Culture == culture));
                }

                Assert.Equal(StaffRoles.All.Count, await scope.Db.Roles.CountAsync());
                var users = scope.Services.GetRequiredService<UserManager<StaffUser>>();
                Assert.Single(await users.GetUsersInRoleAsync(StaffRoles.Attorney));
            }
            finally
            {
                TestDatabase.DropPostgresDatabase(database);
            }
        }
    }
}
