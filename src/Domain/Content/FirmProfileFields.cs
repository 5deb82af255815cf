namespace PiriSite.Domain.Content;

/// <summary>One field of the firm profile as the staff area names it: "About page", "Advertising disclaimer".</summary>
/// <param name="IsPage">A long Markdown text, compared paragraph by paragraph (the others are compared whole).</param>
public sealed record FirmProfileField(string Name, string Label, bool IsPage, Func<FirmProfileSubmission, string?> Value);

/// <summary>The fields of the firm profile, in the editor's order, with the words the history uses for them.</summary>
public static class FirmProfileFields
{
    public static IReadOnlyList<FirmProfileField> All { get; } =
    [
        new(nameof(FirmProfileSubmission.FirmName), "Firm name", false, s => s.FirmName),
        new(nameof(FirmProfileSubmission.AttorneyName), "Responsible attorney", false, s => s.AttorneyName),
        new(nameof(FirmProfileSubmission.PrincipalOfficeCity), "Principal office (city)", false, s => s.PrincipalOfficeCity),
        new(nameof(FirmProfileSubmission.Phone), "Phone", false, s => s.Phone),
        new(nameof(FirmProfileSubmission.LanguagesSpoken), "Languages spoken", false, s => s.LanguagesSpoken),
        new(nameof(FirmProfileSubmission.ServiceArea), "Service area", false, s => s.ServiceArea),
        new(nameof(FirmProfileSubmission.ConsultationOfferTitle), "Consultation offer title", false, s => s.ConsultationOfferTitle),
        new(nameof(FirmProfileSubmission.ConsultationOfferText), "Consultation offer text", true, s => s.ConsultationOfferText),
        new(nameof(FirmProfileSubmission.WhyChooseUs), "Why choose the firm", false, s => s.WhyChooseUs),
        new(nameof(FirmProfileSubmission.PracticeAreasTitle), "Practice areas title", false, s => s.PracticeAreasTitle),
        new(nameof(FirmProfileSubmission.PracticeAreasTagline), "Practice areas tagline", false, s => s.PracticeAreasTagline),
        new(nameof(FirmProfileSubmission.PracticeAreasIntro), "Practice areas introduction", false, s => s.PracticeAreasIntro),
        new(nameof(FirmProfileSubmission.AdvertisingDisclaimer), "Advertising disclaimer", false, s => s.AdvertisingDisclaimer),
        new(nameof(FirmProfileSubmission.LegalInformationNotice), "General information notice", false, s => s.LegalInformationNotice),
        new(nameof(FirmProfileSubmission.AboutMarkdown), "About page", true, s => s.AboutMarkdown),
        new(nameof(FirmProfileSubmission.DisclaimerMarkdown), "Disclaimer page", true, s => s.DisclaimerMarkdown),
        new(nameof(FirmProfileSubmission.PrivacyMarkdown), "Privacy page", true, s => s.PrivacyMarkdown),
    ];

    /// <summary>"About page, Advertising disclaimer": the labels of the named fields, in the editor's order.</summary>
    public static string Labels(IEnumerable<string> names)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        return string.Join(", ", All.Where(f => set.Contains(f.Name)).Select(f => f.Label));
    }
}
