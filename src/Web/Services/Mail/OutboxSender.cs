using MimeKit;
using PiriSite.Domain.Messaging;

namespace PiriSite.Web.Services.Mail;

/// <summary>
/// Sends the outbox: every pending message that is due, one at a time, recording each outcome. A failure
/// is retried with backoff and never touches the request that caused the message. Once delivered, a message's
/// body is cleared (see <see cref="OutboxMessage.RecordSent"/>). Logs say which message and how it went, never to
/// whom or what it said.
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    DatabaseWriteGate writeGate,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<MailOptions> options,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int BatchSize = 20;

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

    /// <summary>Sends the messages that are due now; returns how many it tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var settings = options.Value;
        foreach (var message in due)
        {
            try
            {
                await transport.SendAsync(ToMime(message, settings), cancellationToken);
                message.RecordSent(clock.GetUtcNow().UtcDateTime);
                LogSent(logger, message.Id, message.Attempts);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                message.RecordFailure($"{exception.GetType().Name}: {exception.Message}", clock.GetUtcNow().UtcDateTime,
                    TimeSpan.FromSeconds(settings.RetryBaseSeconds), settings.MaxAttempts);
                LogFailed(logger, message.Id, message.Attempts, exception.GetType().Name, message.Status);
            }

            try
            {
                using (await writeGate.EnterAsync(cancellationToken))
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // Its request was deleted while it was being sent, and the row went with it: so must the copy the send
                // just left (a pickup file), or it would outlive the deletion. The rest of the batch goes on.
                db.Entry(message).State = EntityState.Detached;
                transport.Forget(message.MimeMessageId());
                LogDeletedWhileSending(logger, message.Id);
            }
        }

        return due.Count;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox round failed ({ErrorType}); pending messages will be retried")]
    private static partial void LogRoundFailed(ILogger logger, string errorType);
}
