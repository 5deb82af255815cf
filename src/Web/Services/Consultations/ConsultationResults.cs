namespace PiriSite.Web.Services.Consultations;

/// <summary>The outcome of a submission: accepted with its reference, or refused with an error per field.</summary>
public sealed record SubmissionResult(string? Reference, IReadOnlyDictionary<string, string> Errors)
{
    public bool Accepted => Reference is not null;
}

/// <summary>
/// What a form carried besides the person's answers: its idempotency key, the sealed time it was shown, the
/// honeypot and the page it was sent from (links in emails use only Site:PublicBaseUrl). Nothing in it is trusted.
/// </summary>
public sealed record SubmissionEnvelope(string? IdempotencyKey, string? ShownAt, string? Honeypot, string? SourcePage);

/// <summary>The values that make a form one visitor's own: an idempotency key and the sealed time it was shown.</summary>
public sealed record FormIdentity(string IdempotencyKey, string ShownAt);
