using System.Security.Claims;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Advertising;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin.Services;

/// <summary>
/// Two people record a filing for the same change at the same moment. SQLite's transaction takes the write lock
/// before the check, so there the second simply sees the first; PostgreSQL's does not lock what it read, and the
/// filing record's concurrency token must refuse the second save (nothing of it written, not even its audit line).
/// </summary>
public sealed class AdvertisingFilingRaceTests : IDisposable
{
    private static readonly ClaimsPrincipal Attorney = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "attorney@pirisite.test")], "Test"));

    private readonly SiteFactory _site = new() { RunsBackgroundServices = false };

    [PostgresFact]
    public async Task AFilingSavedBetweenTheCheckAndTheSaveWinsAndTheOtherIsRefused()
    {
        var id = await AdvertisingSnapshots.AddAsync(_site, "race-article", "en", AdvertisingSnapshots.FirmNoon(3), "Text", previousText: "Other text");
        var other = new OtherPersonFilesFirst(_site, id);
        using var app = _site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureSiteDbContext(options => options.AddInterceptors(other))));

        FilingOutcome outcome;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<AdvertisingArchiveService>();
            var submission = new FilingSubmission(FilingChoice.Filed, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), "MINE-1", null,
                AdvertisingArchiveService.Stamp(AdvertisingFilingState.NeedsFiling, null));
            outcome = await service.RecordFilingAsync(id, submission, Attorney);
        }

        Assert.True(other.Done);
        Assert.Equal(FilingStatus.Conflict, outcome.Status);
        await using var check = _site.CreateDbScope();
        var stored = await check.Db.AdvertisingSnapshots.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal("THEIRS-1", stored.FilingReference);
        Assert.False(await check.Db.AuditEntries.AnyAsync(a => a.Target == AdvertisingArchiveService.Target(id)));
    }

    public void Dispose() => _site.Dispose();

    /// <summary>Just before the service's save, someone else's filing of the same snapshot commits.</summary>
    private sealed class OtherPersonFilesFirst(SiteFactory site, long id) : SaveChangesInterceptor
    {
        public bool Done { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Done && eventData.Context!.ChangeTracker.Entries<AdvertisingSnapshot>().Any(e => e.State == EntityState.Modified))
            {
                Done = true;
                await using var connection = await site.OpenDatabaseAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    UPDATE "AdvertisingSnapshots" SET "FilingState" = 'Filed', "FilingReference" = 'THEIRS-1', "FiledOn" = CURRENT_DATE,
                        "FilingRecordedAt" = now(), "FilingRecordedByName" = 'someone else' WHERE "Id" = @id
                    """;
                command.AddParameter("id", id);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }
    }
}
