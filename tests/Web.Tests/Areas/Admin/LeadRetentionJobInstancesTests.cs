using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>Two instances' retention passes at once on one database: each request is deleted, and audited, once.</summary>
public class LeadRetentionJobInstancesTests
{
    [Fact]
    public async Task TwoRetentionPassesAtOnceDeleteAndAuditEachRequestOnce()
    {
        using var factory = new SiteFactory { RunsBackgroundServices = false };
        const int perRound = 30;
        var deleted = 0;
        // A few rounds: two passes must overlap to show a double pass.
        for (var round = 0; round < 4; round++)
        {
            await using (var scope = factory.CreateDbScope())
            {
                var requests = Enumerable.Range(0, perRound)
                    .Select(i => LeadRequests.Make($"Old Spam {round}-{i}", status: LeadStatus.Spam, createdAt: DateTime.UtcNow.AddDays(-200)))
                    .ToList();
                scope.Db.ConsultationRequests.AddRange(requests);
                await scope.Db.SaveChangesAsync();
                await scope.Db.ConsultationRequests.ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusChangedAt, DateTime.UtcNow.AddDays(-200)));
            }

            // Two instances: each its own job object, as each process has its own.
            var jobs = new[] { NewJob(factory), NewJob(factory) };
            using var start = new Barrier(jobs.Length);
            var removed = await Task.WhenAll(jobs.Select(job => Task.Run(() =>
            {
                start.SignalAndWait();
                return job.RunOnceAsync();
            })));
            deleted += removed.Sum();
        }

        Assert.Equal(4 * perRound, deleted);
        await using var check = factory.CreateDbScope();
        Assert.False(await check.Db.ConsultationRequests.AnyAsync());
        var audited = await check.Db.AuditEntries.AsNoTracking()
            .Where(a => a.ActorName == LeadRetentionJob.ActorName)
            .Select(a => a.Details)
            .ToListAsync();
        var references = audited.SelectMany(details => (details ?? "").Split(", ", StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(4 * perRound, references.Count);
        Assert.Equal(references.Count, references.Distinct(StringComparer.Ordinal).Count());
    }

    private static LeadRetentionJob NewJob(SiteFactory factory) => ActivatorUtilities.CreateInstance<LeadRetentionJob>(factory.Services);
}
