using System.Security.Claims;
using System.Text.RegularExpressions;
using PiriSite.Domain.Messaging;

namespace PiriSite.Web.Services.Mail;

/// <summary>An email in the outbox as staff may see it: what it is and how its delivery goes, never to whom or what it says.</summary>
public sealed record OutboxEntry(
    int Id,
    OutboxKind Kind,
    string? ConsultationReference,
    OutboxStatus Status,
    int Attempts,
    DateTime CreatedAt,
    DateTime NextAttemptAt,
    string? LastError);

/// <summary>The undelivered messages listed (the first <see cref="OutboxService.ListLimit"/>), and how many there are in all.</summary>
public sealed record OutboxOverview(IReadOnlyList<OutboxEntry> Entries, int Total, int Failed);

/// <summary>How many intake notices have failed, or waited unsent past <see cref="OutboxAlert.IntakeNoticeWaitLimit"/>.</summary>
public sealed record IntakeMailAlert(int Failed, int Waiting, DateTime OldestQueuedAt);

/// <summary>
/// The outbox as the Attorney sees it: the messages not yet delivered, "retry now", and the alert that the
/// dashboard and <c>/healthz</c> raise when intake notices are not leaving.
/// </summary>
public sealed partial class OutboxService(SiteDbContext db, OutboxSignal signal, AuditLog audit, TimeProvider clock)
{
    public const int ListLimit = 200;

    /// <summary>Undelivered messages, failed first, then the longest waiting (at most <see cref="ListLimit"/>), and their counts.</summary>
    public async Task<OutboxOverview> UndeliveredAsync(CancellationToken cancellationToken = default)
    {
        var undelivered = db.OutboxMessages.AsNoTracking().Where(m => m.Status != OutboxStatus.Sent);
        var counts = await undelivered.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var rows = await undelivered
            .OrderBy(m => m.Status == OutboxStatus.Failed ? 0 : 1).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Take(ListLimit)
            .Select(m => new { m.Id, m.Kind, m.ConsultationReference, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.LastError, m.To })
            .ToListAsync(cancellationToken);
        var entries = rows.Select(m => new OutboxEntry(m.Id, m.Kind, m.ConsultationReference, m.Status, m.Attempts, m.CreatedAt,
            m.NextAttemptAt, Redact(m.LastError, m.To))).ToList();
        return new OutboxOverview(entries, counts.Sum(c => c.Count), counts.Where(c => c.Key == OutboxStatus.Failed).Sum(c => c.Count));
    }

    public async Task<IntakeMailAlert?> IntakeAlertAsync(CancellationToken cancellationToken = default)
    {
        var stuck = await db.OutboxMessages.Where(OutboxAlert.IntakeNoticeStuck(clock.GetUtcNow().UtcDateTime))
            .GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count(), Oldest = g.Min(m => m.CreatedAt) })
            .ToListAsync(cancellationToken);
        return stuck.Count == 0
            ? null
            : new IntakeMailAlert(
                stuck.Where(s => s.Key == OutboxStatus.Failed).Sum(s => s.Count),
                stuck.Where(s => s.Key != OutboxStatus.Failed).Sum(s => s.Count),
                stuck.Min(s => s.Oldest));
    }

    /// <summary>Makes one undelivered message due now and wakes the sender; false if there is no such message.</summary>
    public async Task<bool> RetryAsync(int id, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null || !message.RetryNow(clock.GetUtcNow().UtcDateTime))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        await audit.RecordAsync(actor, "Email retry requested", Describe(message));
        return true;
    }

    /// <summary>Makes every failed message due now and wakes the sender; returns how many.</summary>
    public async Task<int> RetryFailedAsync(ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var failed = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Failed).ToListAsync(cancellationToken);
        foreach (var message in failed)
        {
            message.RetryNow(now);
        }

        if (failed.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            signal.Notify();
            await audit.RecordAsync(actor, "Email retry requested", $"{failed.Count} failed message(s)",
                string.Join(", ", failed.Take(50).Select(Describe)));
        }

        return failed.Count;
    }

    private static string Describe(OutboxMessage message) =>
        $"message {message.Id}" + (message.ConsultationReference is { } reference ? $" ({reference})" : "");

    /// <summary>
    /// A mail server's refusal often quotes the address it refused ("550 5.1.1 &lt;someone@example.com&gt;: no such
    /// user"); the page shows the error without it.
    /// </summary>
    internal static string? Redact(string? error, string to)
    {
        if (string.IsNullOrEmpty(error))
        {
            return error;
        }

        if (to.Length > 0)
        {
            error = error.Replace(to, "[recipient]", StringComparison.OrdinalIgnoreCase);
        }

        return AddressPattern().Replace(error, "[address]");
    }

    [GeneratedRegex(@"[^\s<>""'(),;:\[\]]+@[^\s<>""'(),;:\[\]]+", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();
}
