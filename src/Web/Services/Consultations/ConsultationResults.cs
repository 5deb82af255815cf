namespace PiriSite.Web.Services.Consultations;

/// <summary>The outcome of a submission: accepted with its reference, or refused with an error per field.</summary>
public sealed record SubmissionResult(string? Reference, IReadOnlyDictionary<string, ConsultationError> Errors)
{
    public bool Accepted => Reference is not null;
}

/// <summary>
/// What a form carried besides the person's answers: its idempotency key, the sealed time it was shown, the
/// honeypot and the page it was sent from (links in emails use only Site:PublicBaseUrl). Nothing in it is trusted
/// but the language, which is the address's (the page the form was sent to), never a posted value.
/// </summary>
public sealed record SubmissionEnvelope(string? IdempotencyKey, string? ShownAt, string? Honeypot, string? SourcePage)
{
    /// <summary>The language of the page the request was made on: its notice is the one stored as accepted.</summary>
    public SiteLanguage Language { get; init; } = SiteLanguage.English;

    /// <summary>The id of the notice version the form showed (checked against the page's language before use).</summary>
    public string? NoticeVersion { get; init; }
}

/// <summary>A practice area a request may name: its key (the same in every language) and its name in the page's language.</summary>
public sealed record PracticeAreaChoice(string Key, string Name);

/// <summary>The values that make a form one visitor's own: an idempotency key and the sealed time it was shown.</summary>
public sealed record FormIdentity(string IdempotencyKey, string ShownAt);
