using PiriSite.Domain.Content;

namespace PiriSite.Domain.Tests.Content;

public class FirmProfileFallbackTests
{
    private static readonly FirmLegalTexts s_spanish = new("Publicidad de abogados.", "Michael Piri", "Dallas, Texas");

    private static FirmProfile Profile(string culture) => new()
    {
        Culture = culture,
        FirmName = "The Piri Law Firm",
        AttorneyName = "Attorney " + culture,
        PrincipalOfficeCity = "City " + culture,
        Phone = "(833) 600-0029",
        AdvertisingDisclaimer = "Advertising " + culture,
    };

    [Fact]
    public void AWholeProfileIsShownAsItIsWithNothingMissing()
    {
        var own = Profile("es");

        var choice = FirmProfileFallback.Choose(own, Profile("en"), "es", s_spanish);

        Assert.Same(own, choice.Profile);
        Assert.Empty(choice.Missing);
    }

    [Theory]
    [InlineData(nameof(FirmProfile.AdvertisingDisclaimer))]
    [InlineData(nameof(FirmProfile.AttorneyName))]
    [InlineData(nameof(FirmProfile.PrincipalOfficeCity))]
    public void AProfileIsWholeOnlyWithAllThreeLegalTexts(string blankField)
    {
        var profile = Profile("fr");
        Assert.True(FirmProfileFallback.IsWhole(profile));

        typeof(FirmProfile).GetProperty(blankField)!.SetValue(profile, "  ");

        Assert.False(FirmProfileFallback.IsWhole(profile));
        Assert.False(FirmProfileFallback.IsWhole(null));
    }

    [Fact]
    public void ABlankLegalTextIsTakenFromTheFallbackOnACopy()
    {
        var own = Profile("es");
        own.PrincipalOfficeCity = " ";
        own.AdvertisingDisclaimer = "";

        var choice = FirmProfileFallback.Choose(own, null, "es", s_spanish);

        Assert.Equal(["AdvertisingDisclaimer", "PrincipalOfficeCity"], choice.Missing);
        Assert.Equal(("Publicidad de abogados.", "Attorney es", "Dallas, Texas"),
            (choice.Profile.AdvertisingDisclaimer, choice.Profile.AttorneyName, choice.Profile.PrincipalOfficeCity));
        Assert.Equal(" ", own.PrincipalOfficeCity); // the shared published profile is never changed
    }

    [Fact]
    public void ALanguageWithoutAProfileShowsTheEnglishOneWithTheLegalTextsInItsOwnLanguage()
    {
        var english = Profile("en");

        var choice = FirmProfileFallback.Choose(null, english, "es", s_spanish);

        Assert.Equal([FirmProfileFallback.NoProfile], choice.Missing);
        Assert.Equal(("The Piri Law Firm", "es", "Publicidad de abogados.", "Michael Piri", "Dallas, Texas"),
            (choice.Profile.FirmName, choice.Profile.Culture, choice.Profile.AdvertisingDisclaimer, choice.Profile.AttorneyName, choice.Profile.PrincipalOfficeCity));
        Assert.Equal(("en", "Advertising en"), (english.Culture, english.AdvertisingDisclaimer));
    }

    [Fact]
    public void WithNoProfileAtAllThePageStillHasTheFirmsNameAndTheThreeTexts()
    {
        var choice = FirmProfileFallback.Choose(null, null, "fr", new FirmLegalTexts("Publicité d'avocat.", "Michael Piri", "Dallas (Texas)"));

        Assert.Equal(("The Piri Law Firm", "Publicité d'avocat.", "Michael Piri", "Dallas (Texas)"),
            (choice.Profile.FirmName, choice.Profile.AdvertisingDisclaimer, choice.Profile.AttorneyName, choice.Profile.PrincipalOfficeCity));
        Assert.Equal([FirmProfileFallback.NoProfile], choice.Missing);
    }
}
