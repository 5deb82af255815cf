using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Services.Backups;

/// <summary>
/// The daily backup, on when <see cref="BackupOptions.Folder"/> is set: once per firm day, at
/// <see cref="BackupOptions.Hour"/> (Central Time), a new backup in that folder, then all but the
/// <see cref="BackupOptions.Keep"/> newest deleted. A site that was down at the hour makes the day's backup when it
/// starts again. Logs say how it went, never what the backup holds. With several instances sharing the backup folder,
/// the one that takes the <see cref="ClusterLock"/> looks again and makes the day's backup; the others find it made.
/// </summary>
public sealed partial class ScheduledBackupJob(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<BackupOptions> options,
    IWebHostEnvironment environment,
    ILogger<ScheduledBackupJob> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(30);

    /// <summary>The backup folder, relative to the content root like the site's other folders; null when off.</summary>
    public string? Folder => string.IsNullOrWhiteSpace(options.Value.Folder)
        ? null
        : Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Folder));

    /// <summary>Makes the day's backup if it is past the hour and none was made since; returns its folder, or null.</summary>
    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var hour = Math.Clamp(settings.Hour, 0, 23);
        var firmNow = FirmTimeZone.ToFirmTime(clock.GetUtcNow().UtcDateTime);
        if (Folder is not { } folder || firmNow.Hour < hour)
        {
            return null;
        }

        var dueSince = firmNow.Date.AddHours(hour);
        if (await MadeSinceAsync(folder, dueSince, cancellationToken))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        await using var turn = await ClusterLock.TryTakeAsync(scope.ServiceProvider.GetRequiredService<SiteDbContext>(), "daily-backup", cancellationToken);
        // Another instance is making it now; or made it between the look above and the lock.
        if (turn is null || await MadeSinceAsync(folder, dueSince, cancellationToken))
        {
            return null;
        }

        var backup = await scope.ServiceProvider.GetRequiredService<BackupService>().CreateAsync(folder, cancellationToken);
        var deleted = await BackupService.DeleteOlderAsync(folder, settings.Keep, cancellationToken);
        var bytes = backup.Manifest.Files.Sum(f => f.Bytes);
        var name = Path.GetFileName(backup.Folder);
        LogMade(logger, name, backup.Manifest.Files.Count, bytes, deleted.Count);
        return backup.Folder;
    }

    private static async Task<bool> MadeSinceAsync(string folder, DateTime dueSince, CancellationToken cancellationToken) =>
        (await BackupService.ListAsync(folder, cancellationToken))
            .Any(b => FirmTimeZone.ToFirmTime(b.Manifest.CreatedAt.UtcDateTime) >= dueSince);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Folder is null)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                await RunOnceAsync(stoppingToken);
                // The same firm-day schedule as the follow-up reminders.
                wait = FollowUpReminderJob.UntilNextRun(clock.GetUtcNow().UtcDateTime, options.Value.Hour);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The messages of these say what went wrong with a file, a folder or pg_dump, never what a backup holds.
                var reason = exception is BackupFailedException or IOException or UnauthorizedAccessException ? exception.Message : "";
                LogFailed(logger, exception.GetType().Name, reason);
                wait = RetryAfterFailure;
            }

            await Task.Delay(wait, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily backup made: {Backup}, {FileCount} file(s), {Bytes} bytes; {DeletedCount} older backup(s) deleted")]
    private static partial void LogMade(ILogger logger, string backup, int fileCount, long bytes, int deletedCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily backup failed ({ErrorType}) {Reason}; tried again in 30 minutes")]
    private static partial void LogFailed(ILogger logger, string errorType, string reason);
}
