using PiriSite.Domain.Messaging;
using PiriSite.Web.Services.Mail;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// Once per firm day, at <see cref="LeadsOptions.FollowUpReminderHour"/> (Central Time), queues through the outbox
/// one email per member of staff who has open requests with a follow-up due that day or overdue
/// (<see cref="LeadRules.FollowUpDueBy"/>), listing them by reference (<see cref="FollowUpReminderEmail"/>).
/// Disabled accounts get nothing. Each email carries a key unique to its person and day, held unique by the
/// database, so a restart, a second run or a second instance never queues it twice. A site that was down at the
/// hour sends the day's reminders when it starts again.
/// </summary>
public sealed partial class FollowUpReminderJob(
    IServiceScopeFactory scopes,
    DatabaseWriteGate writeGate,
    OutboxSignal outbox,
    TimeProvider clock,
    IOptions<LeadsOptions> options,
    IOptions<SiteOptions> site,
    ILogger<FollowUpReminderJob> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(5);

    /// <summary>Queues the day's reminders if it is past the hour and they are not queued yet; returns how many it queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var firmNow = FirmTimeZone.ToFirmTime(now);
        if (!settings.FollowUpReminders || firmNow.Hour < settings.FollowUpReminderHour)
        {
            return 0;
        }

        var today = DateOnly.FromDateTime(firmNow);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var due = await db.ConsultationRequests.AsNoTracking()
            .Where(LeadRules.FollowUpDueBy(today))
            .Where(r => r.AssignedToId != null)
            .Select(r => new { StaffId = r.AssignedToId!, r.Reference, DueOn = r.FollowUpOn!.Value })
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var staffIds = due.Select(d => d.StaffId).Distinct().ToList();
        var staff = (await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).ToListAsync(cancellationToken))
            .Where(u => !u.IsDisabled && !string.IsNullOrWhiteSpace(u.Email))
            .ToList();
        var keys = staff.Select(u => FollowUpReminderEmail.DedupeKey(u.Id, today)).ToList();
        var queuedBefore = (await db.OutboxMessages.Where(m => m.DedupeKey != null && keys.Contains(m.DedupeKey))
            .Select(m => m.DedupeKey!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        var queued = 0;
        foreach (var member in staff.Where(u => !queuedBefore.Contains(FollowUpReminderEmail.DedupeKey(u.Id, today))))
        {
            var items = due.Where(d => d.StaffId == member.Id).Select(d => new DueFollowUp(d.Reference, d.DueOn)).ToList();
            var message = FollowUpReminderEmail.Create(member.Email!, member.Id, today, items, site.Value.PublicOrigin, now);
            db.OutboxMessages.Add(message);
            try
            {
                // One message per save: another instance that queued this person's reminder first costs only this one.
                using (await writeGate.EnterAsync(cancellationToken))
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                queued++;
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                db.Entry(message).State = EntityState.Detached;
            }
        }

        if (queued > 0)
        {
            outbox.Notify();
        }

        LogQueued(logger, queued, today);
        return queued;
    }

    /// <summary>How long from <paramref name="utcNow"/> until the next reminder hour in the firm's time zone.</summary>
    public static TimeSpan UntilNextRun(DateTime utcNow, int hour)
    {
        var firmNow = FirmTimeZone.ToFirmTime(utcNow);
        var day = DateOnly.FromDateTime(firmNow);
        var next = day.ToDateTime(new TimeOnly(Math.Clamp(hour, 0, 23), 0));
        if (next <= firmNow)
        {
            next = next.AddDays(1);
        }

        // An hour skipped by the clocks going forward is reached an hour later.
        while (FirmTimeZone.Value.IsInvalidTime(next))
        {
            next = next.AddHours(1);
        }

        var delay = TimeZoneInfo.ConvertTimeToUtc(next, FirmTimeZone.Value) - DateTime.SpecifyKind(utcNow, DateTimeKind.Utc);
        return delay > TimeSpan.Zero ? delay : TimeSpan.FromMinutes(1);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = TimeSpan.Zero;
            try
            {
                await RunOnceAsync(stoppingToken);
                wait = UntilNextRun(clock.GetUtcNow().UtcDateTime, options.Value.FollowUpReminderHour);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Not tomorrow: today's reminders are still worth sending once the database answers again.
                LogFailed(logger, exception.GetType().Name);
                wait = RetryAfterFailure;
            }

            await Task.Delay(wait, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up reminders: queued {Count} email(s) for {Day:yyyy-MM-dd}")]
    private static partial void LogQueued(ILogger logger, int count, DateOnly day);

    [LoggerMessage(Level = LogLevel.Error, Message = "Follow-up reminders failed ({ErrorType}); tried again in 5 minutes")]
    private static partial void LogFailed(ILogger logger, string errorType);
}
