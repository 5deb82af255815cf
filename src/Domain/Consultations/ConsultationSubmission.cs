namespace PiriSite.Domain.Consultations;

/// <summary>
/// A consultation form exactly as it was posted: every value a string, nothing trusted yet.
/// Binding raw strings means no input (a checkbox sent as "banana", a date sent as "tomorrow") can
/// fail before the validator has explained what is wrong.
/// </summary>
public sealed record ConsultationSubmission
{
    public string? FullName { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? PreferredLanguage { get; init; }
    public string? ContactMethod { get; init; }
    public string? PracticeArea { get; init; }
    public string? Urgency { get; init; }
    public string? CourtDate { get; init; }
    public string? Description { get; init; }
    public string? Acknowledged { get; init; }
}

/// <summary>A submission that passed validation, with its values normalised and typed.</summary>
public sealed record ConsultationDetails(
    string FullName,
    string? Phone,
    string? Email,
    ContactLanguage PreferredLanguage,
    ContactMethod ContactMethod,
    string? PracticeAreaKey,
    Urgency Urgency,
    DateOnly? CourtDate,
    string Description);
