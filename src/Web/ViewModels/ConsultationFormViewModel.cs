using PiriSite.Web.Services.Consultations;

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

    /// <summary>The id of the notice version the form showed: the one the person reads and accepts.</summary>
    public string? NoticeVersion { get; set; }

    /// <summary>The honeypot: hidden from people, so only a bot fills it in.</summary>
    public string? Website { get; set; }

    /// <summary>
    /// A new, empty form for a page every visitor shares (a cached page): nothing in it belongs to one visitor.
    /// The page's script asks for the form's own values (<see cref="FormIdentity"/>) when the visitor starts.
    /// The preferred language starts as the page's (the request's, from its address): a Spanish page's form
    /// offers Spanish first, and the person can still choose another.
    /// </summary>
    public static ConsultationFormViewModel Shared(string? practiceAreaKey, string sourcePage) => new()
    {
        PracticeArea = practiceAreaKey,
        Source = sourcePage,
        PreferredLanguage = ContactLanguageOf(SiteLanguage.Current).ToString(),
    };

    /// <summary>The form's language choice that matches a page's language.</summary>
    public static ContactLanguage ContactLanguageOf(SiteLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.Code switch
        {
            SiteCulture.Spanish => ContactLanguage.Spanish,
            SiteCulture.French => ContactLanguage.French,
            _ => ContactLanguage.English,
        };
    }

    /// <summary>Gives this form one visitor's own values (see ConsultationService.IdentityFor).</summary>
    public ConsultationFormViewModel With(FormIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        IdempotencyKey = identity.IdempotencyKey;
        ShownAt = identity.ShownAt;
        return this;
    }

    public SubmissionEnvelope ToEnvelope() => new(IdempotencyKey, ShownAt, Website, Source) { NoticeVersion = NoticeVersion };

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

public sealed record PracticeAreaOption(string Key, string Name)
{
    public static IReadOnlyList<PracticeAreaOption> From(IEnumerable<PracticeAreaChoice> areas) =>
        areas.Select(a => new PracticeAreaOption(a.Key, a.Name)).ToList();
}

/// <summary>
/// What the form views need besides the values: the choices and the firm's contact details. The compact
/// form (on practice-area and article pages) leaves out the contact method and the practice-area choice. The
/// notice is the current version in the page's language; without one the form cannot be sent.
/// </summary>
public sealed record ConsultationFormContext(
    ConsultationFormViewModel Form,
    IReadOnlyList<PracticeAreaOption> PracticeAreas,
    Domain.Content.FirmProfile Firm,
    ConsultationNoticeVersion? Notice,
    bool ShowErrorSummary,
    bool Compact = false);

/// <summary>The consultation page: the form with its choices, in the public layout.</summary>
public sealed record ConsultationPageViewModel(PageContext Page, ConsultationFormContext Form) : IPublicPage;
