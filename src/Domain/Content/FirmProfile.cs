namespace PiriSite.Domain.Content;

/// <summary>Who the firm is and how to reach it, in one language: one row per culture.</summary>
public class FirmProfile
{
    public const int ShortTextMaxLength = 200;
    public const int LongTextMaxLength = 2_000;
    public const int PageMaxLength = 100_000;

    private static readonly char[] s_comma = [','];
    private static readonly char[] s_lineBreaks = ['\r', '\n'];

    public int Id { get; set; }

    public string Culture { get; set; } = SiteCulture.English;

    public required string FirmName { get; set; }

    public required string AttorneyName { get; set; }

    /// <summary>The city of the firm's principal office ("Dallas, Texas"), which the advertising rules require on every page.</summary>
    public string PrincipalOfficeCity { get; set; } = "";

    /// <summary>The phone number as people read it, for example "(833) 600-0029".</summary>
    public required string Phone { get; set; }

    public List<string> LanguagesSpoken { get; set; } = [];

    public string ServiceArea { get; set; } = "";

    public string ConsultationOfferTitle { get; set; } = "";

    public string ConsultationOfferText { get; set; } = "";

    public List<string> WhyChooseUs { get; set; } = [];

    public string PracticeAreasTitle { get; set; } = "";

    public string PracticeAreasTagline { get; set; } = "";

    public string PracticeAreasIntro { get; set; } = "";

    /// <summary>The short attorney-advertising notice in every page's footer.</summary>
    public string AdvertisingDisclaimer { get; set; } = "";

    /// <summary>The "general information, not legal advice" note under every article and practice area.</summary>
    public string LegalInformationNotice { get; set; } = "";

    public string AboutMarkdown { get; set; } = "";

    public string DisclaimerMarkdown { get; set; } = "";

    public string PrivacyMarkdown { get; set; } = "";

    // The three pages above as safe HTML, rendered when the profile is saved.
    public string AboutHtml { get; set; } = "";

    public string DisclaimerHtml { get; set; } = "";

    public string PrivacyHtml { get; set; } = "";

    /// <summary>The <see cref="MarkdownRenderer.OutputVersion"/> that made the pages' HTML.</summary>
    public int RenderVersion { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Counts saves, so that two people editing the profile at once cannot overwrite each other.</summary>
    public int Version { get; set; }

    /// <summary>The phone as a <c>tel:</c> link target, in international form for phones anywhere.</summary>
    public string PhoneUri => PhoneNumber.ToTelUri(Phone);

    /// <summary>
    /// Takes a submission that passed <see cref="FirmProfileRules.Validate"/>: texts trimmed (the Markdown pages
    /// as typed), lists split, and one more version. The pages' HTML is rendered by the caller, which has the images.
    /// </summary>
    public void Edit(FirmProfileSubmission submission, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(submission);
        FirmName = Trim(submission.FirmName);
        AttorneyName = Trim(submission.AttorneyName);
        PrincipalOfficeCity = Trim(submission.PrincipalOfficeCity);
        Phone = Trim(submission.Phone);
        LanguagesSpoken = Split(submission.LanguagesSpoken, s_comma);
        ServiceArea = Trim(submission.ServiceArea);
        ConsultationOfferTitle = Trim(submission.ConsultationOfferTitle);
        ConsultationOfferText = Trim(submission.ConsultationOfferText);
        WhyChooseUs = Split(submission.WhyChooseUs, s_lineBreaks);
        PracticeAreasTitle = Trim(submission.PracticeAreasTitle);
        PracticeAreasTagline = Trim(submission.PracticeAreasTagline);
        PracticeAreasIntro = Trim(submission.PracticeAreasIntro);
        AdvertisingDisclaimer = Trim(submission.AdvertisingDisclaimer);
        LegalInformationNotice = Trim(submission.LegalInformationNotice);
        AboutMarkdown = submission.AboutMarkdown ?? "";
        DisclaimerMarkdown = submission.DisclaimerMarkdown ?? "";
        PrivacyMarkdown = submission.PrivacyMarkdown ?? "";
        UpdatedAt = utcNow;
        Version++;
    }

    /// <summary>The profile as the editor shows it (lists as text), for its form and its revisions.</summary>
    public FirmProfileSubmission ToSubmission() => new()
    {
        FirmName = FirmName,
        AttorneyName = AttorneyName,
        PrincipalOfficeCity = PrincipalOfficeCity,
        Phone = Phone,
        LanguagesSpoken = string.Join(", ", LanguagesSpoken),
        ServiceArea = ServiceArea,
        ConsultationOfferTitle = ConsultationOfferTitle,
        ConsultationOfferText = ConsultationOfferText,
        WhyChooseUs = string.Join('\n', WhyChooseUs),
        PracticeAreasTitle = PracticeAreasTitle,
        PracticeAreasTagline = PracticeAreasTagline,
        PracticeAreasIntro = PracticeAreasIntro,
        AdvertisingDisclaimer = AdvertisingDisclaimer,
        LegalInformationNotice = LegalInformationNotice,
        AboutMarkdown = AboutMarkdown,
        DisclaimerMarkdown = DisclaimerMarkdown,
        PrivacyMarkdown = PrivacyMarkdown,
    };

    /// <summary>A copy to change for one page (the published profile is shared by every request and never changed).</summary>
    public FirmProfile Copy() => (FirmProfile)MemberwiseClone();

    private static string Trim(string? value) => value?.Trim() ?? "";

    private static List<string> Split(string? value, char[] separators) =>
        (value ?? "").Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
