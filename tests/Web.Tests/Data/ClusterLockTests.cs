using PiriSite.Data;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Data;

public class ClusterLockTests
{
    [PostgresFact]
    public async Task OnPostgresALockHeldByOneInstanceIsRefusedToAnotherUntilReleased()
    {
        using var factory = new SiteFactory { RunsBackgroundServices = false };
        await using var first = factory.CreateDbScope();
        await using var second = factory.CreateDbScope();

        var held = await ClusterLock.TryTakeAsync(first.Db, "some-job");
        Assert.NotNull(held);
        Assert.Null(await ClusterLock.TryTakeAsync(second.Db, "some-job"));
        await using (var other = await ClusterLock.TryTakeAsync(second.Db, "another-job"))
        {
            Assert.NotNull(other); // one key per job
        }

        await held.DisposeAsync();
        await using var after = await ClusterLock.TryTakeAsync(second.Db, "some-job");
        Assert.NotNull(after);
    }

    [SqliteFact]
    public async Task OnSqliteTheLockIsAlwaysGrantedSinceSqliteIsOneInstance()
    {
        using var factory = new SiteFactory { RunsBackgroundServices = false };
        await using var scope = factory.CreateDbScope();

        await using var first = await ClusterLock.TryTakeAsync(scope.Db, "some-job");
        await using var second = await ClusterLock.TryTakeAsync(scope.Db, "some-job");

        Assert.NotNull(first);
        Assert.NotNull(second);
    }
}
