namespace PiriSite.Web.Options;

public sealed class ConsultationOptions
{
    public const string SectionName = "Consultation";

    /// <summary>Where new-request notifications go: the firm's intake mailbox.</summary>
    public string IntakeEmail { get; set; } = "intake@localhost";

    /// <summary>A form sent sooner than this after it was shown is quarantined as suspected spam (people are slower).</summary>
    public int MinimumFillSeconds { get; set; } = 3;

    /// <summary>The largest form post accepted; the longest valid form, in any script, is far smaller.</summary>
    public long MaxRequestBytes { get; set; } = 128 * 1024;

    /// <summary>
    /// Acknowledgements one email address may receive in 24 hours (spellings of one mailbox count as one). Anyone
    /// can type anyone's address; past this the request is still stored and intake told, but no email goes out.
    /// </summary>
    public int MaxAcknowledgementsPerAddressPerDay { get; set; } = 3;

    public RateLimitSettings RateLimit { get; set; } = new();

    public sealed class RateLimitSettings
    {
        /// <summary>Requests one client may send per window. Generous, since a family may share one connection.</summary>
        public int PermitLimit { get; set; } = 10;

        public int WindowSeconds { get; set; } = 600;
    }
}
