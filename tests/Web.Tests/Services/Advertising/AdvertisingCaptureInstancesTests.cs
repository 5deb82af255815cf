using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Content;
using PiriSite.Web.Services.Advertising;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Services.Advertising;

/// <summary>Two instances' capture workers at once on one database: each queued publication is captured once, by one of them.</summary>
public class AdvertisingCaptureInstancesTests
{
    // PostgreSQL only: SQLite is one instance by design, with one worker that takes its rounds in turn.
    [PostgresFact]
    public async Task TwoWorkersCapturingAtOnceCaptureEachQueuedPublicationOnceWithoutError()
    {
        using var site = new ArchiveSite();
        for (var i = 0; i < 6; i++)
        {
            await site.SaveAsync<Article>(null, 0, ArchiveSite.Page($"Two Workers Article {i}"));
        }

        int queued;
        await using (var scope = site.CreateDbScope())
        {
            queued = await scope.Db.AdvertisingSnapshots.CountAsync(s => s.CapturedAt == null);
        }

        // Each its own worker object, as each process has its own.
        var workers = new[] { NewWorker(site), NewWorker(site) };
        using var start = new Barrier(workers.Length);
        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            start.SignalAndWait();
            await worker.CaptureDueAsync();
        })));
        // The one that skipped its round captures whatever was left at its next.
        await Task.WhenAll(workers.Select(worker => worker.CaptureDueAsync()));

        await using var check = site.CreateDbScope();
        var snapshots = await check.Db.AdvertisingSnapshots.AsNoTracking().ToListAsync();
        Assert.Equal(queued, snapshots.Count);
        Assert.All(snapshots, s => Assert.NotNull(s.CapturedAt));
    }

    private static AdvertisingCaptureWorker NewWorker(ArchiveSite site) => ActivatorUtilities.CreateInstance<AdvertisingCaptureWorker>(site.Services);
}
