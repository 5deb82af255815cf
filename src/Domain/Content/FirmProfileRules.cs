namespace PiriSite.Domain.Content;

/// <summary>The firm profile as the Attorney posted it: every value a string, lists as text, nothing trusted yet.</summary>
public sealed record FirmProfileSubmission
{
    public string? FirmName { get; init; }
    public string? AttorneyName { get; init; }
    public string? PrincipalOfficeCity { get; init; }
    public string? Phone { get; init; }

    /// <summary>Separated by commas.</summary>
    public string? LanguagesSpoken { get; init; }

    public string? ServiceArea { get; init; }
    public string? ConsultationOfferTitle { get; init; }
    public string? ConsultationOfferText { get; init; }

    /// <summary>One point per line.</summary>
    public string? WhyChooseUs { get; init; }

    public string? PracticeAreasTitle { get; init; }
    public string? PracticeAreasTagline { get; init; }
    public string? PracticeAreasIntro { get; init; }
    public string? AdvertisingDisclaimer { get; init; }
    public string? LegalInformationNotice { get; init; }
    public string? AboutMarkdown { get; init; }
    public string? DisclaimerMarkdown { get; init; }
    public string? PrivacyMarkdown { get; init; }
}

/// <summary>A message for one field of a form ("" for the form as a whole); a field may have more than one.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>The rules of the firm profile editor; every message names what to change.</summary>
public static class FirmProfileRules
{
    public const int PhoneMaxLength = 40;

    public static IReadOnlyList<FieldError> Validate(FirmProfileSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var errors = new List<FieldError>();
        Require(errors, nameof(submission.FirmName), submission.FirmName, "the firm's name", FirmProfile.ShortTextMaxLength);
        // The advertising rules want the responsible attorney and the principal office on every page, in every language.
        Require(errors, nameof(submission.AttorneyName), submission.AttorneyName, "the responsible attorney's name", FirmProfile.ShortTextMaxLength);
        Require(errors, nameof(submission.PrincipalOfficeCity), submission.PrincipalOfficeCity, "the city of the principal office", FirmProfile.ShortTextMaxLength);
        Require(errors, nameof(submission.Phone), submission.Phone, "the phone number", PhoneMaxLength);
        // Every call button dials it: a number without its area code (or a word) would dial nowhere.
        if (submission.Phone is { } phone && phone.Count(char.IsAsciiDigit) is < 10 or > 15)
        {
            errors.Add(new(nameof(submission.Phone), "Enter the phone number with its area code, such as (833) 600-0029."));
        }

        // Each language's pages carry these two notices; a language without them cannot publish a page.
        foreach (var (field, value, what) in LegalTexts(submission.AdvertisingDisclaimer, submission.LegalInformationNotice))
        {
            Require(errors, field, value, what, FirmProfile.LongTextMaxLength);
        }

        foreach (var (field, value, max) in new[]
        {
            (nameof(submission.ServiceArea), submission.ServiceArea, FirmProfile.ShortTextMaxLength),
            (nameof(submission.ConsultationOfferTitle), submission.ConsultationOfferTitle, FirmProfile.ShortTextMaxLength),
            (nameof(submission.ConsultationOfferText), submission.ConsultationOfferText, FirmProfile.LongTextMaxLength),
            (nameof(submission.PracticeAreasTitle), submission.PracticeAreasTitle, FirmProfile.ShortTextMaxLength),
            (nameof(submission.PracticeAreasTagline), submission.PracticeAreasTagline, FirmProfile.ShortTextMaxLength),
            (nameof(submission.PracticeAreasIntro), submission.PracticeAreasIntro, FirmProfile.LongTextMaxLength),
            (nameof(submission.AboutMarkdown), submission.AboutMarkdown, FirmProfile.PageMaxLength),
            (nameof(submission.DisclaimerMarkdown), submission.DisclaimerMarkdown, FirmProfile.PageMaxLength),
            (nameof(submission.PrivacyMarkdown), submission.PrivacyMarkdown, FirmProfile.PageMaxLength),
        })
        {
            if ((value?.Length ?? 0) > max)
            {
                errors.Add(new(field, $"Shorten this to {max:N0} characters or fewer."));
            }
        }

        return errors;
    }

    /// <summary>
    /// The legal texts a language's profile lacks, by name ("the attorney advertising notice"): a page in that
    /// language cannot be published until it has them. Empty when none is missing; both when there is no profile.
    /// </summary>
    public static IReadOnlyList<string> MissingLegalTexts(FirmProfile? firm) =>
        LegalTexts(firm?.AdvertisingDisclaimer, firm?.LegalInformationNotice)
            .Where(t => string.IsNullOrWhiteSpace(t.Value))
            .Select(t => t.What)
            .ToList();

    private static (string Field, string? Value, string What)[] LegalTexts(string? advertisingDisclaimer, string? legalInformationNotice) =>
    [
        (nameof(FirmProfileSubmission.AdvertisingDisclaimer), advertisingDisclaimer, "the attorney advertising notice"),
        (nameof(FirmProfileSubmission.LegalInformationNotice), legalInformationNotice, "the general information notice"),
    ];

    private static void Require(List<FieldError> errors, string field, string? value, string what, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, $"Enter {what}."));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(new(field, $"Shorten {what} to {max:N0} characters or fewer."));
        }
    }
}
