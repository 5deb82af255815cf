using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PiriSite.Data;
using PiriSite.Web.Options;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// Deletes consultation requests closed as Not retained or Spam once the retention period has passed
/// (their notes go with them). Logs how many it removed, never which.
/// </summary>
public sealed partial class LeadRetentionJob(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<LeadsOptions> options,
    ILogger<LeadRetentionJob> logger) : BackgroundService
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        var removed = await db.ConsultationRequests.Where(LeadsService.IsClosedBefore(cutoff)).ExecuteDeleteAsync(cancellationToken);
        LogRemoved(logger, removed, options.Value.RetentionDays);
        return removed;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention run failed ({ErrorType}); it will run again at the next interval")]
    private static partial void LogFailed(ILogger logger, string errorType);
}
