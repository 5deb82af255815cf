namespace PiriSite.Data.Seed;

// The shape of Seed/site.json: the firm's original content, with each long body in its own Markdown file.
internal sealed record SeedManifest(
    FirmProfileSeed FirmProfile,
    IReadOnlyList<PracticeAreaSeed> PracticeAreas,
    IReadOnlyList<ArticleSeed> Articles,
    IReadOnlyList<TopicSeed>? Topics = null);

internal sealed record FirmProfileSeed(
    string FirmName,
    string AttorneyName,
    string PrincipalOfficeCity,
    string Phone,
    IReadOnlyList<string> LanguagesSpoken,
    string ServiceArea,
    string ConsultationOfferTitle,
    string ConsultationOfferText,
    IReadOnlyList<string> WhyChooseUs,
    string PracticeAreasTitle,
    string PracticeAreasTagline,
    string PracticeAreasIntro,
    string AdvertisingDisclaimer,
    string LegalInformationNotice,
    string AboutFile,
    string DisclaimerFile,
    string PrivacyFile);

internal sealed record PracticeAreaSeed(
    string TranslationKey,
    string Name,
    string Slug,
    string Summary,
    string SeoTitle,
    string SeoDescription,
    string BodyFile,
    bool FastMoving = false);

// Topics are given per language; which topics an article is filed under, by their keys, in the English manifest only.
internal sealed record TopicSeed(string TranslationKey, string Name, string Slug, string Description);

internal sealed record ArticleSeed(
    string TranslationKey,
    string Title,
    string Slug,
    string Summary,
    string AuthorName,
    string SeoTitle,
    string SeoDescription,
    string BodyFile,
    bool FastMoving = false,
    IReadOnlyList<string>? Topics = null);
