using MimeKit;
using PiriSite.Domain.Messaging;

namespace PiriSite.Web.Services.Mail;

/// <summary>
/// Sends the outbox: every pending message that is due, one at a time, recording each outcome. A failure
/// is retried with backoff and never touches the request that caused the message. Once delivered, a message's
/// body is cleared (see <see cref="OutboxMessage.RecordSent"/>). Logs say which message and how it went, never to
/// whom or what it said.
/// </summary>
/// <remarks>
/// Several instances may share one outbox: each sender first claims a batch in one statement (its instance's id and
/// a lease of <see cref="MailOptions.LeaseSeconds"/> on each row), then sends only what it claimed, so two senders
/// never hold the same message. A claim that ran out (its sender crashed) is anyone's again. A message is started
/// only while the claim has time left for the longest send and its record; the outcome is written only while the
/// row is still this sender's.
/// </remarks>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    DatabaseWriteGate writeGate,
    OutboxSignal signal,
    SiteInstance instance,
    TimeProvider clock,
    IOptions<MailOptions> options,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int BatchSize = 20;

    // Claims the next due messages that no one holds (or whose holder's lease ran out). PostgreSQL locks the chosen
    // rows and skips rows another sender is claiming at this moment; SQLite has one writer at a time, so its claims
    // cannot overlap anyway (and it has no FOR UPDATE).
    private const string ClaimSql = """
        UPDATE "OutboxMessages" SET "ClaimedBy" = {0}, "ClaimedUntil" = {1}
        WHERE "Id" IN (
            SELECT "Id" FROM "OutboxMessages"
            WHERE "Status" = {2} AND "NextAttemptAt" <= {3} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {3})
            ORDER BY "NextAttemptAt", "Id"
            LIMIT {4}
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) == BatchSize)
                {
                    // A full batch: there may be more due right away.
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database itself failed; the messages stay pending and the next round tries again.
                LogRoundFailed(logger, exception.GetType().Name);
            }

            await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
        }
    }

    /// <summary>Claims the messages that are due now and sends them; returns how many it claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var settings = options.Value;
        var (claimed, until) = await ClaimAsync(db, settings, cancellationToken);

        var left = new Queue<OutboxMessage>(claimed);
        try
        {
            while (left.TryPeek(out var message))
            {
                if (until - clock.GetUtcNow().UtcDateTime < settings.NeededToStartASend)
                {
                    // The claim could run out during the send and another sender take the message: the rest go back.
                    await ReleaseAsync(db, [.. left.Select(m => m.Id)], cancellationToken);
                    LogLeaseShort(logger, left.Count);
                    break;
                }

                await SendAsync(db, message, settings, cancellationToken);
                left.Dequeue();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && left.Count > 0)
        {
            // Stopping (a deploy): another instance may send what is left now rather than after the lease.
            await ReleaseAsync(db, [.. left.Select(m => m.Id)], CancellationToken.None);
            throw;
        }

        return claimed.Count;
    }

    private async Task<(List<OutboxMessage> Claimed, DateTime Until)> ClaimAsync(
        SiteDbContext db, MailOptions settings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + TimeSpan.FromSeconds(settings.LeaseSeconds);
        var sql = ClaimSql + (db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : "") + """
            )
            RETURNING *
            """;
        List<OutboxMessage> claimed;
        using (await writeGate.EnterAsync(cancellationToken))
        {
            // Not composed with anything: the statement runs as written.
            claimed = await db.OutboxMessages
                .FromSqlRaw(sql, instance.Id, until, nameof(OutboxStatus.Pending), now, BatchSize)
                .AsNoTracking()
                .ToListAsync(cancellationToken);
        }

        return ([.. claimed.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)], until);
    }

    private async Task SendAsync(SiteDbContext db, OutboxMessage message, MailOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            // Bounded, so a hung server cannot keep the send going past the claim.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.SendTimeoutSeconds), clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            await transport.SendAsync(ToMime(message, settings), linked.Token);
            message.RecordSent(clock.GetUtcNow().UtcDateTime);
            LogSent(logger, message.Id, message.Attempts);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            message.RecordFailure($"{exception.GetType().Name}: {exception.Message}", clock.GetUtcNow().UtcDateTime,
                TimeSpan.FromSeconds(settings.RetryBaseSeconds), settings.MaxAttempts);
            LogFailed(logger, message.Id, message.Attempts, exception.GetType().Name, message.Status);
        }

        if (await RecordAsync(db, message, cancellationToken))
        {
            return;
        }

        if (await db.OutboxMessages.AnyAsync(m => m.Id == message.Id, cancellationToken))
        {
            // Its claim ran out and another sender holds it now: the outcome is that sender's to record.
            LogClaimLost(logger, message.Id);
            return;
        }

        // Its request was deleted while it was being sent, and the row went with it: so must the copy the send
        // just left (a pickup file), or it would outlive the deletion. The rest of the batch goes on.
        transport.Forget(message.MimeMessageId());
        LogDeletedWhileSending(logger, message.Id);
    }

    /// <summary>Writes the attempt's outcome (and drops the claim) if the row is still this sender's; false if not.</summary>
    private async Task<bool> RecordAsync(SiteDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            return await db.OutboxMessages
                .Where(m => m.Id == message.Id && m.ClaimedBy == instance.Id)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Status, message.Status)
                    .SetProperty(m => m.Attempts, message.Attempts)
                    .SetProperty(m => m.SentAt, message.SentAt)
                    .SetProperty(m => m.NextAttemptAt, message.NextAttemptAt)
                    .SetProperty(m => m.LastError, message.LastError)
                    .SetProperty(m => m.TextBody, message.TextBody)
                    .SetProperty(m => m.ClaimedBy, message.ClaimedBy)
                    .SetProperty(m => m.ClaimedUntil, message.ClaimedUntil), cancellationToken) == 1;
        }
    }

    private async Task ReleaseAsync(SiteDbContext db, List<int> ids, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.OutboxMessages
                .Where(m => ids.Contains(m.Id) && m.ClaimedBy == instance.Id)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.ClaimedBy, (string?)null)
                    .SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);
        }
    }

    private static MimeMessage ToMime(OutboxMessage message, MailOptions settings)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.TextBody };

        mime.MessageId = message.MimeMessageId();
        return mime;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} sent after {Attempts} attempt(s)")]
    private static partial void LogSent(ILogger logger, int messageId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} not sent (attempt {Attempts}, {ErrorType}); now {Status}")]
    private static partial void LogFailed(ILogger logger, int messageId, int attempts, string errorType, OutboxStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} was deleted with its request while it was being sent; its copy is removed")]
    private static partial void LogDeletedWhileSending(ILogger logger, int messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId}: its claim ran out during the attempt and another sender holds it now, so that sender records it")]
    private static partial void LogClaimLost(ILogger logger, int messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox claim running out: {Count} message(s) released for the next claim")]
    private static partial void LogLeaseShort(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox round failed ({ErrorType}); pending messages will be retried")]
    private static partial void LogRoundFailed(ILogger logger, string errorType);
}
