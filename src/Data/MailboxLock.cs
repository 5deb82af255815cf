using Microsoft.EntityFrameworkCore;

namespace PiriSite.Data;

/// <summary>
/// Serialises, until the current transaction ends, the writers that count and add emails to one mailbox, so two
/// requests at once cannot both take its last acknowledgement of the day. On PostgreSQL a transaction-scoped
/// advisory lock on the mailbox (also across instances); on SQLite nothing more is needed, since a transaction
/// there holds the one write lock (and the write gate queues the consultation writers before it).
/// </summary>
public static class MailboxLock
{
    public static async Task TakeAsync(SiteDbContext db, string mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({mailbox}, 0))", cancellationToken);
        }
    }
}
