using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Content;
using PiriSite.Web.Services.Backups;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Services.Backups;

public sealed class ScheduledBackupJobTests(SiteFactory factory) : IClassFixture<SiteFactory>, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pirisite-daily-backups", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TheDailyBackupIsOffUnlessAFolderIsSet()
    {
        var job = factory.Services.GetRequiredService<ScheduledBackupJob>();

        Assert.Null(job.Folder);
        Assert.Null(await job.RunOnceAsync());
    }

    [Fact]
    public async Task OneBackupIsMadeEachFirmDayFromTheHourAndOnlyTheNewestAreKept()
    {
        // Beside the backups: one cut off half-way (no manifest) and a folder that is not a backup at all.
        var unfinished = Directory.CreateDirectory(Path.Combine(_folder, "pirisite-20200101-030000Z")).FullName;
        var notOurs = Directory.CreateDirectory(Path.Combine(_folder, "pirisite-notes")).FullName;
        await File.WriteAllTextAsync(Path.Combine(notOurs, BackupManifest.FileName), """{"kind":"something else"}""");
        var clock = new MovableClock();
        using var site = new SiteFactory(new Dictionary<string, string?>
        {
            ["Backup:Folder"] = _folder,
            ["Backup:Keep"] = "2",
            ["Backup:Hour"] = "12",
        })
        { RunsBackgroundServices = false };
        using var app = site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var job = app.Services.GetRequiredService<ScheduledBackupJob>();
        var day = DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(clock.GetUtcNow().UtcDateTime)).AddDays(1);

        MoveTo(clock, day, new TimeOnly(11, 30));
        var beforeTheHour = await job.RunOnceAsync();
        MoveTo(clock, day, new TimeOnly(12, 30));
        var first = await job.RunOnceAsync();
        MoveTo(clock, day, new TimeOnly(18, 0));
        var laterThatDay = await job.RunOnceAsync();
        var made = new List<string?> { first };
        for (var next = 1; next <= 3; next++)
        {
            MoveTo(clock, day.AddDays(next), new TimeOnly(12, 30));
            made.Add(await job.RunOnceAsync());
        }

        Assert.Null(beforeTheHour);
        Assert.NotNull(first);
        Assert.Null(laterThatDay);
        Assert.All(made, Assert.NotNull);
        Assert.Equal(
            new[] { made[2]!, made[3]!, unfinished, notOurs }.Order(StringComparer.Ordinal),
            Directory.GetDirectories(_folder).Order(StringComparer.Ordinal));
    }

    // PostgreSQL only: SQLite is one instance by design, with one daily job.
    [PostgresFact]
    public async Task TwoInstancesSharingTheBackupFolderMakeOneBackupADay()
    {
        var clock = new MovableClock();
        using var site = new SiteFactory(new Dictionary<string, string?> { ["Backup:Folder"] = _folder, ["Backup:Hour"] = "12" })
        { RunsBackgroundServices = false };
        using var app = site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        MoveTo(clock, DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(clock.GetUtcNow().UtcDateTime)).AddDays(1), new TimeOnly(12, 30));

        // Each instance its own job object, both due at once.
        var jobs = new[] { ActivatorUtilities.CreateInstance<ScheduledBackupJob>(app.Services), ActivatorUtilities.CreateInstance<ScheduledBackupJob>(app.Services) };
        using var start = new Barrier(jobs.Length);
        var made = await Task.WhenAll(jobs.Select(job => Task.Run(() =>
        {
            start.SignalAndWait();
            return job.RunOnceAsync();
        })));

        Assert.Single(made, backup => backup is not null);
        Assert.Single(Directory.GetDirectories(_folder));
    }

    private static void MoveTo(MovableClock clock, DateOnly firmDay, TimeOnly firmTime) =>
        clock.Advance(TimeZoneInfo.ConvertTimeToUtc(firmDay.ToDateTime(firmTime), FirmTimeZone.Value) - clock.GetUtcNow().UtcDateTime);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // None made (or left for the OS temp cleaner).
        }
    }
}
