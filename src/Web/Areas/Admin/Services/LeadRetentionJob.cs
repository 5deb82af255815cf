using System.Linq.Expressions;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// Keeps the privacy page's promise: deletes consultation requests closed as Not retained or Spam once
/// <see cref="LeadsOptions.RetentionDays"/> have passed, and open requests after
/// <see cref="LeadsOptions.InactiveRetentionDays"/> with no activity (the dashboard lists them two weeks before).
/// Retained requests are client files and stay. Each purge goes through <see cref="LeadPurge"/> (so everything
/// carrying the requests' personal data goes too) and is written to the audit log with its count and
/// references; the application log gets counts only. With several instances, one runs each pass (under a
/// <see cref="ClusterLock"/>) and the others skip it: two passes at once would both list, and audit, the same requests.
/// </summary>
public sealed partial class LeadRetentionJob(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<LeadsOptions> options,
    ILogger<LeadRetentionJob> logger) : BackgroundService
{
    public const string ActorName = "Retention";

    /// <summary>Runs both purges once; returns how many requests were deleted (0 when another instance is running them).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var turn = await ClusterLock.TryTakeAsync(scope.ServiceProvider.GetRequiredService<SiteDbContext>(), "lead-retention", cancellationToken);
        if (turn is null)
        {
            LogSkipped(logger);
            return 0;
        }

        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = LeadQueries.FirmDay(now);

        var closed = await PurgeAsync(
            _ => LeadRules.ClosedBefore(now.AddDays(-settings.RetentionDays)),
            "Closed requests deleted (retention)", cancellationToken);
        LogRemoved(logger, closed, settings.RetentionDays);

        var inactive = await PurgeAsync(
            db => LeadRules.InactiveSince(db.LeadNotes, now.AddDays(-settings.InactiveRetentionDays), today),
            "Inactive requests deleted (retention)", cancellationToken);
        LogRemovedInactive(logger, inactive, settings.InactiveRetentionDays);

        return closed + inactive;
    }

    private async Task<int> PurgeAsync(
        Func<SiteDbContext, Expression<Func<ConsultationRequest, bool>>> rule,
        string action, CancellationToken cancellationToken)
    {
        // One scope per purge: each has its own DbContext and its own transaction.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var purge = scope.ServiceProvider.GetRequiredService<LeadPurge>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var deleted = await purge.DeleteAsync(rule(db), async references =>
        {
            foreach (var details in LeadPurge.AuditDetails(references))
            {
                await audit.RecordAsync(action, null, ActorName, $"{references.Count} request(s)", details);
            }
        }, cancellationToken);
        return deleted.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception.GetType().Name);
            }

            await Task.Delay(TimeSpan.FromMinutes(Math.Max(1, options.Value.RetentionIntervalMinutes)), clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: removed {Count} closed consultation request(s) older than {Days} days")]
    private static partial void LogRemoved(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: removed {Count} open consultation request(s) with no activity for {Days} days")]
    private static partial void LogRemovedInactive(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention: another instance is running this pass")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention run failed ({ErrorType}); it will run again at the next interval")]
    private static partial void LogFailed(ILogger logger, string errorType);
}
