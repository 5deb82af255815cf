namespace PiriSite.Web.Options;

public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public string FromAddress { get; set; } = "no-reply@localhost";

    public string FromName { get; set; } = "The Piri Law Firm";

    /// <summary>
    /// With no SMTP host configured (the embedded default), each message is written here as an .eml file,
    /// so nothing is lost and an operator can open or forward it.
    /// </summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The first retry waits this long; each next one twice as long, up to an hour.</summary>
    public int RetryBaseSeconds { get; set; } = 30;

    /// <summary>How often the sender looks for due messages when nothing new has been queued.</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>After this many failed attempts a message is marked failed (about a day with the defaults).</summary>
    public int MaxAttempts { get; set; } = 30;

    /// <summary>
    /// How long a sender holds the messages it claimed (several instances share one outbox). A sender that crashed
    /// holds them no longer than this; then another sends them.
    /// </summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>
    /// The longest one message may take to send; a slower send is abandoned and retried later. A sender starts a
    /// message only while its claim has this long left and a few seconds more to record the outcome, so it never
    /// sends a message another sender may already have taken over.
    /// </summary>
    public int SendTimeoutSeconds { get; set; } = 60;

    /// <summary>Time kept, after the longest send, to record its outcome before the claim runs out.</summary>
    public static readonly TimeSpan RecordMargin = TimeSpan.FromSeconds(5);

    /// <summary>The claim's remaining time a sender needs to start one more message.</summary>
    public TimeSpan NeededToStartASend => TimeSpan.FromSeconds(SendTimeoutSeconds) + RecordMargin;

    /// <summary>Whether a claim is long enough to send at least one message.</summary>
    public bool LeaseFitsASend => SendTimeoutSeconds > 0 && TimeSpan.FromSeconds(LeaseSeconds) > NeededToStartASend;

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        /// <summary>Auto, None, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
        public string Security { get; set; } = "StartTls";

        public string? UserName { get; set; }

        /// <summary>Never committed: set it through an environment variable or a secret store.</summary>
        public string? Password { get; set; }
    }
}
