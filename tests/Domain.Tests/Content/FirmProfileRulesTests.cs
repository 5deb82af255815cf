using PiriSite.Domain.Content;

namespace PiriSite.Domain.Tests.Content;

public class FirmProfileRulesTests
{
    private static readonly FirmProfileSubmission s_valid = new()
    {
        FirmName = "The Piri Law Firm",
        AttorneyName = "Michael Piri",
        PrincipalOfficeCity = "Dallas, Texas",
        Phone = "(833) 600-0029",
        ServiceArea = "Texas and nationwide",
        AdvertisingDisclaimer = "Attorney Advertising.",
        LegalInformationNotice = "General information, not legal advice.",
    };

    private static string[] Messages(FirmProfileSubmission submission, string field) =>
        FirmProfileRules.Validate(submission).Where(e => e.Field == field).Select(e => e.Message).ToArray();

    [Fact]
    public void AProfileWithItsRequiredFieldsIsValid() =>
        Assert.Empty(FirmProfileRules.Validate(s_valid));

    [Fact]
    public void TheFirmNameTheAttorneyAndThePhoneAreRequired()
    {
        var errors = FirmProfileRules.Validate(s_valid with { FirmName = " ", AttorneyName = null, Phone = null });

        FieldError[] expected =
        [
            new("FirmName", "Enter the firm's name."),
            new("AttorneyName", "Enter the responsible attorney's name."),
            new("Phone", "Enter the phone number."),
        ];
        Assert.Equal(expected, errors);
    }

    [Theory]
    [InlineData("(833) 600-0029")]
    [InlineData("+33 1 23 45 67 89")]
    [InlineData("+44 20 7946 0958 123")]
    public void APhoneWithTenToFifteenDigitsIsAccepted(string phone) =>
        Assert.Empty(Messages(s_valid with { Phone = phone }, "Phone"));

    [Theory]
    [InlineData("600-0029")]
    [InlineData("+1 833 600 0029 0000 0")]
    [InlineData("call us")]
    public void APhoneWithoutItsAreaCodeOrWithTooManyDigitsIsRefused(string phone) =>
        Assert.Equal(["Enter the phone number with its area code, such as (833) 600-0029."], Messages(s_valid with { Phone = phone }, "Phone"));

    [Fact]
    public void ABlankPhoneGetsBothMessages() =>
        Assert.Equal(
            ["Enter the phone number.", "Enter the phone number with its area code, such as (833) 600-0029."],
            Messages(s_valid with { Phone = "   " }, "Phone"));

    [Fact]
    public void ARequiredFieldIsMeasuredWithoutItsSurroundingSpaces()
    {
        var longest = new string('a', FirmProfile.ShortTextMaxLength);

        Assert.Empty(Messages(s_valid with { FirmName = $"  {longest}  " }, "FirmName"));
        Assert.Equal(["Shorten the firm's name to 200 characters or fewer."], Messages(s_valid with { FirmName = longest + "a" }, "FirmName"));
        Assert.Equal(["Shorten the phone number to 40 characters or fewer."], Messages(s_valid with { Phone = "(833) 600-0029" + new string(' ', 20) + "extension" + new string('.', 10) }, "Phone"));
    }

    [Fact]
    public void TheOtherTextsHaveTheirColumnsLimits()
    {
        var errors = FirmProfileRules.Validate(s_valid with
        {
            ServiceArea = new string('a', FirmProfile.ShortTextMaxLength + 1),
            ConsultationOfferText = new string('a', FirmProfile.LongTextMaxLength),
            PrivacyMarkdown = new string('a', FirmProfile.PageMaxLength + 1),
        });

        Assert.Equal(["ServiceArea", "PrivacyMarkdown"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.StartsWith("Shorten this to ", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void EditingTrimsTheTextsSplitsTheListsAndCountsAVersion()
    {
        var firm = new FirmProfile { FirmName = "Old", AttorneyName = "Old", Phone = "Old", Version = 4 };
        var now = new DateTime(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc);

        firm.Edit(s_valid with
        {
            FirmName = "  The Piri Law Firm ",
            LanguagesSpoken = "English, Spanish ,, French",
            WhyChooseUs = "First point\r\n\r\n  Second point  \nThird",
            AboutMarkdown = "  ## About\n",
        }, now);

        Assert.Equal("The Piri Law Firm", firm.FirmName);
        Assert.Equal(["English", "Spanish", "French"], firm.LanguagesSpoken);
        Assert.Equal(["First point", "Second point", "Third"], firm.WhyChooseUs);
        Assert.Equal("  ## About\n", firm.AboutMarkdown);
        Assert.Equal("", firm.ConsultationOfferTitle);
        Assert.Equal((5, now), (firm.Version, firm.UpdatedAt));
    }

    [Fact]
    public void TheTwoLegalTextsAreRequiredInEveryLanguagesProfile()
    {
        var errors = FirmProfileRules.Validate(s_valid with { AdvertisingDisclaimer = "  ", LegalInformationNotice = null });

        FieldError[] expected =
        [
            new("AdvertisingDisclaimer", "Enter the attorney advertising notice."),
            new("LegalInformationNotice", "Enter the general information notice."),
        ];
        Assert.Equal(expected, errors);
    }

    [Fact]
    public void TheThreeTextsOfEveryPagesFooterAreRequiredWithClearMessages()
    {
        var errors = FirmProfileRules.Validate(s_valid with { AttorneyName = "", PrincipalOfficeCity = "  ", AdvertisingDisclaimer = null });

        FieldError[] expected =
        [
            new("AttorneyName", "Enter the responsible attorney's name."),
            new("PrincipalOfficeCity", "Enter the city of the principal office."),
            new("AdvertisingDisclaimer", "Enter the attorney advertising notice."),
        ];
        Assert.Equal(expected, errors);
        Assert.Equal(
            ["Shorten the city of the principal office to 200 characters or fewer."],
            Messages(s_valid with { PrincipalOfficeCity = new string('a', FirmProfile.ShortTextMaxLength + 1) }, "PrincipalOfficeCity"));
    }

    [Fact]
    public void EditingKeepsThePrincipalOfficeCityTrimmed()
    {
        var firm = new FirmProfile { FirmName = "Old", AttorneyName = "Old", Phone = "Old" };

        firm.Edit(s_valid with { PrincipalOfficeCity = "  Dallas (Texas) " }, DateTime.UnixEpoch);

        Assert.Equal("Dallas (Texas)", firm.PrincipalOfficeCity);
        Assert.Equal("Dallas (Texas)", firm.ToSubmission().PrincipalOfficeCity);
    }

    [Fact]
    public void ALegalTextLongerThanItsColumnIsRefused() =>
        Assert.Equal(
            ["Shorten the general information notice to 2,000 characters or fewer."],
            Messages(s_valid with { LegalInformationNotice = new string('a', FirmProfile.LongTextMaxLength + 1) }, "LegalInformationNotice"));

    [Fact]
    public void TheLegalTextsAProfileLacksAreNamed()
    {
        var firm = new FirmProfile { FirmName = "F", AttorneyName = "A", Phone = "P", AdvertisingDisclaimer = "Publicidad de abogados.", LegalInformationNotice = "Información general." };

        Assert.Empty(FirmProfileRules.MissingLegalTexts(firm));
        firm.LegalInformationNotice = " ";
        Assert.Equal(["the general information notice"], FirmProfileRules.MissingLegalTexts(firm));
        firm.AdvertisingDisclaimer = "";
        Assert.Equal(["the attorney advertising notice", "the general information notice"], FirmProfileRules.MissingLegalTexts(firm));
        Assert.Equal(2, FirmProfileRules.MissingLegalTexts(null).Count);
    }
}
