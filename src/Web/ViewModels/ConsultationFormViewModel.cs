using PiriSite.Domain.Consultations;

namespace PiriSite.Web.ViewModels;

/// <summary>
/// The consultation form as posted and as shown again. Every value is a string (see ConsultationSubmission)
/// so whatever was typed comes back exactly, errors and all.
/// </summary>
public sealed class ConsultationFormViewModel
{
    public string? FullName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? PreferredLanguage { get; set; }
    public string? ContactMethod { get; set; }
    public string? PracticeArea { get; set; }
    public string? Urgency { get; set; }
    public string? CourtDate { get; set; }
    public string? Description { get; set; }
    public string? Acknowledged { get; set; }

    /// <summary>One key per form shown: posting the same form twice finds the first request.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>When the form was shown (sealed), for the minimum fill time.</summary>
    public string? ShownAt { get; set; }

    /// <summary>The page the form was on.</summary>
    public string? Source { get; set; }

    /// <summary>The honeypot: hidden from people, so only a bot fills it in.</summary>
    public string? Website { get; set; }

    public ConsultationSubmission ToSubmission() => new()
    {
        FullName = FullName,
        Phone = Phone,
        Email = Email,
        PreferredLanguage = PreferredLanguage,
        ContactMethod = ContactMethod,
        PracticeArea = PracticeArea,
        Urgency = Urgency,
        CourtDate = CourtDate,
        Description = Description,
        Acknowledged = Acknowledged,
    };
}

public sealed record PracticeAreaOption(string Key, string Name);

/// <summary>
/// What the form views need besides the values: the choices and the firm's contact details. The compact
/// form (on practice-area and article pages) leaves out the contact method and the practice-area choice.
/// </summary>
public sealed record ConsultationFormContext(
    ConsultationFormViewModel Form,
    IReadOnlyList<PracticeAreaOption> PracticeAreas,
    Domain.Content.FirmProfile Firm,
    bool ShowErrorSummary,
    bool Compact = false);
