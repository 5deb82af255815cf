using System.Globalization;
using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using PiriSite.Domain.Audit;
using PiriSite.Domain.Messaging;
using PiriSite.Web.Services.Mail;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// The one way consultation requests are deleted (the Attorney's deletion, the spam clean-up, retention), taking
/// with them everything that carries their personal data: their notes and timeline, their outbox messages (through
/// the database's cascades) and those messages' .eml files in the pickup folder, and their search-index row (a
/// trigger). Deleted pages are zeroed (secure_delete, set per connection); the search index is then merged so no
/// old segment keeps their words, and the write-ahead log is emptied so no old copy of a page survives in it.
/// The deletion and its audit entry are one transaction: nothing is deleted without its line in the audit log.
/// </summary>
public sealed partial class LeadPurge(
    SiteDbContext db,
    IOptions<MailOptions> mail,
    IHostEnvironment environment,
    ILogger<LeadPurge> logger)
{
    /// <summary>
    /// Deletes the requests that match <paramref name="which"/>, calls <paramref name="recordAudit"/> with their
    /// references (in the same transaction) when there are any, and returns those references.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeleteAsync(
        Expression<Func<ConsultationRequest, bool>> which,
        Func<IReadOnlyList<string>, Task> recordAudit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recordAudit);
        List<string> references;
        List<string> messageIds;

        // SQLite: BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), so what is read here is what is deleted. PostgreSQL:
        // a request added meanwhile is not in the list and not deleted, since the delete names the ids read.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var doomed = await db.ConsultationRequests.Where(which).Select(r => new { r.Id, r.Reference }).ToListAsync(cancellationToken);
            if (doomed.Count == 0)
            {
                return [];
            }

            var ids = doomed.Select(r => r.Id).ToList();
            references = doomed.Select(r => r.Reference).ToList();
            messageIds = (await db.OutboxMessages
                    .Where(m => m.ConsultationRequestId != null && ids.Contains(m.ConsultationRequestId.Value))
                    .Select(m => new { m.Id, m.CreatedAt })
                    .ToListAsync(cancellationToken))
                .Select(m => OutboxMessage.MimeMessageId(m.Id, m.CreatedAt))
                .ToList();

            // Notes and outbox messages go by ON DELETE CASCADE; the search row by the LeadSearch_Delete trigger (SQLite)
            // or with the row itself (PostgreSQL's index is on the request's own columns).
            await db.ConsultationRequests.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
            await recordAudit(references);
            await transaction.CommitAsync(cancellationToken);
        }

        DeletePickupFiles(messageIds);
        await CompactAsync(cancellationToken);
        LogPurged(logger, references.Count, messageIds.Count);
        return references;
    }

    /// <summary>
    /// References as audit details: as many lines as needed so that each fits the audit log's details column
    /// (a retention run may delete hundreds of spam requests at once).
    /// </summary>
    public static IReadOnlyList<string> AuditDetails(IReadOnlyList<string> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var lines = new List<string>();
        var line = new List<string>();
        var length = 0;
        foreach (var reference in references)
        {
            if (line.Count > 0 && length + 2 + reference.Length > AuditEntry.DetailsMaxLength)
            {
                lines.Add(string.Join(", ", line));
                line.Clear();
                length = 0;
            }

            length += (line.Count > 0 ? 2 : 0) + reference.Length;
            line.Add(reference);
        }

        if (line.Count > 0)
        {
            lines.Add(string.Join(", ", line));
        }

        return lines;
    }

    private void DeletePickupFiles(List<string> messageIds)
    {
        if (messageIds.Count == 0)
        {
            return;
        }

        // Looked for whether or not SMTP is configured now: the folder keeps what was written before SMTP was set up.
        var directory = PickupDirectoryMailTransport.DirectoryFor(mail.Value, environment.ContentRootPath);
        try
        {
            PickupDirectoryMailTransport.Delete(directory, messageIds);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogPickupFailed(logger, exception.GetType().Name);
        }
    }

    private async Task CompactAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await VacuumAsync(cancellationToken);
            return;
        }

        try
        {
            // FTS5 deletes by adding a tombstone; the words stay in the older segments until they are merged.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO LeadSearch(LeadSearch) VALUES('optimize');", cancellationToken);

            // The log's older frames still hold the pages as they were before the deletion; TRUNCATE copies the
            // zeroed pages into the file and empties the log. Best effort: a busy database leaves it for next time.
            // A busy checkpoint does not throw: it answers busy = 1 in its result row.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var checkpoint = db.Database.GetDbConnection().CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await using var result = await checkpoint.ExecuteReaderAsync(cancellationToken);
                if (await result.ReadAsync(cancellationToken) && result.GetInt32(0) != 0)
                {
                    LogCheckpointBusy(logger);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        catch (SqliteException exception)
        {
            LogCompactFailed(logger, exception.SqliteErrorCode.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// PostgreSQL keeps a deleted row's bytes in the table's pages (and its index entries) after the delete; even a
    /// plain VACUUM only marks the space free (measured: the name was still in the file). VACUUM FULL writes the
    /// three tables out afresh and removes the old files, as SQLite's secure delete overwrites the pages. It locks
    /// those tables while it runs (well under a second at 100,000 requests; a consultation post waits, it does not
    /// fail), and deletions are rare: a staff decision or the nightly retention pass. Best effort, as on SQLite.
    /// </summary>
    private async Task VacuumAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("""VACUUM FULL "ConsultationRequests", "LeadNotes", "OutboxMessages";""", cancellationToken);
        }
        catch (PostgresException exception)
        {
            LogCompactFailed(logger, exception.SqlState);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} consultation request(s) with their notes and {Messages} outbox message(s)")]
    private static partial void LogPurged(ILogger logger, int count, int messages);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not delete the pickup-folder copies of deleted requests' emails ({ErrorType})")]
    private static partial void LogPickupFailed(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "After a deletion the database log could not be emptied (a reader was busy); the next deletion or retention pass tries again")]
    private static partial void LogCheckpointBusy(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "After a deletion, the search index merge, log checkpoint or vacuum failed (database error {Code}); the next deletion tries again")]
    private static partial void LogCompactFailed(ILogger logger, string code);
}
