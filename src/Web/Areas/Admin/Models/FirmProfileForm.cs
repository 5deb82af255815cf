using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PiriSite.Web.Areas.Admin.Models;

/// <summary>The firm profile editor: lists are edited as text, one item per line or separated by commas.</summary>
public sealed class FirmProfileForm
{
    public string? FirmName { get; set; }
    public string? AttorneyName { get; set; }
    public string? PrincipalOfficeCity { get; set; }
    public string? Phone { get; set; }
    public string? LanguagesSpoken { get; set; }
    public string? ServiceArea { get; set; }
    public string? ConsultationOfferTitle { get; set; }
    public string? ConsultationOfferText { get; set; }
    public string? WhyChooseUs { get; set; }
    public string? PracticeAreasTitle { get; set; }
    public string? PracticeAreasTagline { get; set; }
    public string? PracticeAreasIntro { get; set; }
    public string? AdvertisingDisclaimer { get; set; }
    public string? LegalInformationNotice { get; set; }
    public string? AboutMarkdown { get; set; }
    public string? DisclaimerMarkdown { get; set; }
    public string? PrivacyMarkdown { get; set; }
    public int Version { get; set; }

    /// <summary>The profile's language: from the address (/admin/firm?culture=es), never from the posted form.</summary>
    [BindNever]
    public string Culture { get; set; } = SiteCulture.English;

    /// <summary>Where the profile in <paramref name="culture"/> is edited: /admin/firm for English, /admin/firm?culture=es…</summary>
    public static string PathFor(string culture) => culture == SiteCulture.English ? "/admin/firm" : $"/admin/firm?culture={culture}";

    public static FirmProfileForm Of(FirmProfile firm)
    {
        ArgumentNullException.ThrowIfNull(firm);
        var fields = firm.ToSubmission();
        return new()
        {
            Culture = firm.Culture,
            FirmName = fields.FirmName,
            AttorneyName = fields.AttorneyName,
            PrincipalOfficeCity = fields.PrincipalOfficeCity,
            Phone = fields.Phone,
            LanguagesSpoken = fields.LanguagesSpoken,
            ServiceArea = fields.ServiceArea,
            ConsultationOfferTitle = fields.ConsultationOfferTitle,
            ConsultationOfferText = fields.ConsultationOfferText,
            WhyChooseUs = fields.WhyChooseUs,
            PracticeAreasTitle = fields.PracticeAreasTitle,
            PracticeAreasTagline = fields.PracticeAreasTagline,
            PracticeAreasIntro = fields.PracticeAreasIntro,
            AdvertisingDisclaimer = fields.AdvertisingDisclaimer,
            LegalInformationNotice = fields.LegalInformationNotice,
            AboutMarkdown = fields.AboutMarkdown,
            DisclaimerMarkdown = fields.DisclaimerMarkdown,
            PrivacyMarkdown = fields.PrivacyMarkdown,
            Version = firm.Version,
        };
    }

    public FirmProfileSubmission ToSubmission() => new()
    {
        FirmName = FirmName,
        AttorneyName = AttorneyName,
        PrincipalOfficeCity = PrincipalOfficeCity,
        Phone = Phone,
        LanguagesSpoken = LanguagesSpoken,
        ServiceArea = ServiceArea,
        ConsultationOfferTitle = ConsultationOfferTitle,
        ConsultationOfferText = ConsultationOfferText,
        WhyChooseUs = WhyChooseUs,
        PracticeAreasTitle = PracticeAreasTitle,
        PracticeAreasTagline = PracticeAreasTagline,
        PracticeAreasIntro = PracticeAreasIntro,
        AdvertisingDisclaimer = AdvertisingDisclaimer,
        LegalInformationNotice = LegalInformationNotice,
        AboutMarkdown = AboutMarkdown,
        DisclaimerMarkdown = DisclaimerMarkdown,
        PrivacyMarkdown = PrivacyMarkdown,
    };
}

