using System.Globalization;
using PiriSite.Domain.Consultations;

namespace PiriSite.Domain.Messaging;

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// An email waiting to be sent. It is stored in the same transaction as what caused it, so a crash can
/// delay an email but never lose one; a background sender delivers it and records the outcome.
/// </summary>
public class OutboxMessage
{
    public const int AddressMaxLength = 254;
    public const int SubjectMaxLength = 300;
    public const int ErrorMaxLength = 1000;
    public const int DedupeKeyMaxLength = 100;
    public const int ClaimedByMaxLength = 200;

    public int Id { get; set; }

    public required string To { get; set; }

    /// <summary>
    /// On acknowledgements, the recipient as one key per mailbox (<see cref="RecipientKey"/>), so the daily cap per
    /// address is one indexed count however the address was spelt.
    /// </summary>
    public string? Mailbox { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// The sender (one running copy of the site) that holds this message for sending, until <see cref="ClaimedUntil"/>:
    /// several instances share one outbox and each sends only what it has claimed. A claim that has run out (its sender
    /// crashed) may be taken by another. Null when no one holds it.
    /// </summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    // What the message is and which request caused it (by reference), so the outbox page can list it without
    // its address, subject or body; and "retry now", for staff once the mail server is back.
    public OutboxKind Kind { get; set; }

    public string? ConsultationReference { get; set; }

    /// <summary>
    /// What makes a scheduled message unique ("follow-up-reminder:{user}:{day}"), held unique by the database: the
    /// same message is queued once however many times, or on however many instances, its job runs. Null for the
    /// messages a request causes (those are unique through their request's idempotency key).
    /// </summary>
    public string? DedupeKey { get; set; }

    /// <summary>
    /// Makes the message due at once. A failed message gets one more attempt (its attempt count is kept), so a
    /// retry against a server still down marks it failed again rather than starting another day of backoff.
    /// </summary>
    public bool RetryNow(DateTime now)
    {
        if (Status == OutboxStatus.Sent)
        {
            return false;
        }

        Status = OutboxStatus.Pending;
        NextAttemptAt = now;
        return true;
    }

    /// <summary>
    /// The consultation request this message was written about. It carries that request's personal data (an
    /// address, a name, a reference), so it is deleted with the request, whoever deletes it and however.
    /// </summary>
    public int? ConsultationRequestId { get; set; }

    public ConsultationRequest? ConsultationRequest { get; set; }

    /// <summary>
    /// The Message-Id the message is sent with: stable per row, so a receiving server can drop a duplicate if a send
    /// is retried after success, and so a copy kept on disk (the pickup folder) can be found again and deleted.
    /// </summary>
    public string MimeMessageId() => MimeMessageId(Id, CreatedAt);

    public static string MimeMessageId(int id, DateTime createdAt) =>
        string.Create(CultureInfo.InvariantCulture, $"outbox-{id}-{createdAt:yyyyMMddHHmmss}@pirisite");

    /// <summary>Records a failed attempt; after the last allowed attempt the message is marked failed for staff to see.</summary>
    public void RecordFailure(string error, DateTime now, TimeSpan retryBase, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        ReleaseClaim();
        if (Attempts >= maxAttempts)
        {
            Status = OutboxStatus.Failed;
            return;
        }

        // Exponential backoff, capped at an hour: 1, 2, 4, 8 ... times the base.
        var delay = TimeSpan.FromTicks(Math.Min(retryBase.Ticks * (1L << Math.Min(Attempts - 1, 20)), TimeSpan.FromHours(1).Ticks));
        NextAttemptAt = now + delay;
    }

    /// <summary>
    /// Records the delivery and forgets the text: once delivered, the body (which may greet the person by name) has
    /// no further use here. The address is kept with the row, which is deleted with the request it belongs to.
    /// </summary>
    public void RecordSent(DateTime now)
    {
        Attempts++;
        Status = OutboxStatus.Sent;
        SentAt = now;
        LastError = null;
        TextBody = "";
        ReleaseClaim();
    }

    /// <summary>The attempt is over, whatever its outcome: the next one is anyone's to claim.</summary>
    public void ReleaseClaim()
    {
        ClaimedBy = null;
        ClaimedUntil = null;
    }
}
