using PiriSite.Domain.Consultations;

namespace PiriSite.Domain.Tests.Consultations;

public class ConsultationValidatorTests
{
    private static readonly DateOnly s_today = new(2026, 11, 28);
    private static readonly string[] s_areas = ["asylum", "immigration-court"];

    private static ConsultationSubmission Valid() => new()
    {
        FullName = "  Jean-Baptiste Ndiaye ",
        Phone = "(214) 555-0100",
        Email = "jb.ndiaye@example.com",
        PreferredLanguage = "French",
        ContactMethod = "Email",
        PracticeArea = "asylum",
        Urgency = "None",
        CourtDate = "",
        Description = "Line one\r\nLine two",
        Acknowledged = "true",
    };

    private static ConsultationValidationResult Validate(ConsultationSubmission submission) =>
        ConsultationValidator.Validate(submission, s_areas, s_today);

    private static void AssertOnlyError(ConsultationSubmission submission, string field)
    {
        var result = Validate(submission);
        Assert.False(result.IsValid);
        Assert.Equal([field], result.Errors.Keys);
    }

    [Fact]
    public void AValidSubmissionIsNormalised()
    {
        var result = Validate(Valid());

        Assert.True(result.IsValid);
        var details = result.Details!;
        Assert.Equal("Jean-Baptiste Ndiaye", details.FullName);
        Assert.Equal(ContactLanguage.French, details.PreferredLanguage);
        Assert.Equal(ContactMethod.Email, details.ContactMethod);
        Assert.Equal("asylum", details.PracticeAreaKey);
        Assert.Equal(Urgency.None, details.Urgency);
        Assert.Null(details.CourtDate);
        Assert.Equal("Line one\nLine two", details.Description);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("not-sure")]
    public void NotSureMeansNoPracticeArea(string? area) =>
        Assert.Null(Validate(Valid() with { PracticeArea = area }).Details!.PracticeAreaKey);

    [Fact]
    public void AnUnknownPracticeAreaIsRefused() => AssertOnlyError(Valid() with { PracticeArea = "tax-law" }, "PracticeArea");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void ANameIsRequired(string? name) => AssertOnlyError(Valid() with { FullName = name }, "FullName");

    [Fact]
    public void ANameAtTheLimitIsAcceptedAndOneLongerIsNot()
    {
        Assert.True(Validate(Valid() with { FullName = new string('a', 120) }).IsValid);
        AssertOnlyError(Valid() with { FullName = new string('a', 121) }, "FullName");
    }

    [Fact]
    public void OnePhoneOrEmailIsEnough()
    {
        Assert.True(Validate(Valid() with { Email = "", ContactMethod = "Phone" }).IsValid);
        Assert.True(Validate(Valid() with { Phone = "", ContactMethod = "Email" }).IsValid);
    }

    [Fact]
    public void NeitherPhoneNorEmailIsRefused() =>
        AssertOnlyError(Valid() with { Phone = "", Email = " ", ContactMethod = "" }, "Phone");

    [Theory]
    [InlineData("214-555-0100")]
    [InlineData("+52 55 1234 5678")]
    [InlineData("(214) 555.0100")]
    [InlineData("2145550100")]
    public void PlausiblePhonesAreAccepted(string phone) => Assert.True(Validate(Valid() with { Phone = phone }).IsValid);

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567890123456")]
    [InlineData("555-CALL-NOW")]
    [InlineData("214+555+0100")]
    [InlineData("214\n555-0100")]
    public void ImplausiblePhonesAreRefused(string phone) => AssertOnlyError(Valid() with { Phone = phone }, "Phone");

    [Theory]
    [InlineData("plain")]
    [InlineData("two@@example.com")]
    [InlineData("a@b")]
    [InlineData("a b@example.com")]
    [InlineData("jb@example.com\r\nBcc: all@example.com")]
    [InlineData("jb@example.com\nX-Header: injected")]
    [InlineData("\"Boss\" <jb@example.com>")]
    [InlineData("jb@.example.com")]
    public void ImplausibleEmailsAreRefused(string email) => AssertOnlyError(Valid() with { Email = email }, "Email");

    [Theory]
    [InlineData("Phone", "Phone")]
    [InlineData("TextMessage", "Phone")]
    public void AskingForACallOrTextNeedsAPhone(string method, string field) =>
        AssertOnlyError(Valid() with { ContactMethod = method, Phone = "" }, field);

    [Fact]
    public void ALineBreakPastedAtTheEndIsTrimmedNotRefused()
    {
        var details = Validate(Valid() with { Phone = "214-555-0100\r\n", Email = "\tjb.ndiaye@example.com\n" }).Details!;

        Assert.Equal("214-555-0100", details.Phone);
        Assert.Equal("jb.ndiaye@example.com", details.Email);
    }

    [Fact]
    public void AskingForAnEmailNeedsAnEmail() => AssertOnlyError(Valid() with { Email = "" }, "Email");

    [Theory]
    [InlineData("Klingon")]
    [InlineData("english")]
    [InlineData("0")]
    [InlineData("99")]
    [InlineData("")]
    [InlineData(null)]
    public void OnlyTheThreeLanguagesAreAccepted(string? language) =>
        AssertOnlyError(Valid() with { PreferredLanguage = language }, "PreferredLanguage");

    [Theory]
    [InlineData("Spanish", ContactLanguage.Spanish)]
    [InlineData("English", ContactLanguage.English)]
    public void EachLanguageIsAccepted(string value, ContactLanguage expected) =>
        Assert.Equal(expected, Validate(Valid() with { PreferredLanguage = value }).Details!.PreferredLanguage);

    [Fact]
    public void NoContactMethodMeansNoPreference() =>
        Assert.Equal(ContactMethod.NoPreference, Validate(Valid() with { ContactMethod = null }).Details!.ContactMethod);

    [Theory]
    [InlineData("Carrier pigeon")]
    [InlineData("3")]
    public void AnUnknownContactMethodIsRefused(string method) => AssertOnlyError(Valid() with { ContactMethod = method }, "ContactMethod");

    [Theory]
    [InlineData("")]
    [InlineData("Maybe")]
    [InlineData("1")]
    public void UrgencyMustBeAnswered(string urgency) => AssertOnlyError(Valid() with { Urgency = urgency }, "Urgency");

    [Fact]
    public void ACourtDateComingIsKept()
    {
        var details = Validate(Valid() with { Urgency = "CourtDate", CourtDate = "2027-01-15" }).Details!;

        Assert.Equal(Urgency.CourtDate, details.Urgency);
        Assert.Equal(new DateOnly(2027, 1, 15), details.CourtDate);
    }

    [Fact]
    public void TodayIsAValidCourtDate() =>
        Assert.True(Validate(Valid() with { Urgency = "CourtDate", CourtDate = "2026-11-28" }).IsValid);

    [Theory]
    [InlineData("")]
    [InlineData("next Tuesday")]
    [InlineData("2026-02-30")]
    [InlineData("15/01/2027")]
    [InlineData("2026-11-27")]
    [InlineData("2040-01-01")]
    public void ACourtDateThatIsMissingUnreadablePastOrFarOffIsRefused(string date) =>
        AssertOnlyError(Valid() with { Urgency = "CourtDate", CourtDate = date }, "CourtDate");

    [Fact]
    public void ACourtDateIsIgnoredUnlessACourtDateIsComing() =>
        Assert.Null(Validate(Valid() with { Urgency = "Detained", CourtDate = "2027-01-15" }).Details!.CourtDate);

    [Fact]
    public void TheDescriptionIsOptional() => Assert.True(Validate(Valid() with { Description = null }).IsValid);

    [Fact]
    public void TheDescriptionLimitCountsLineBreaksOnceAsBrowsersDo()
    {
        var atLimit = string.Join("\r\n", Enumerable.Repeat(new string('x', 99), 40)); // 3,960 + 39 = 3,999 characters
        Assert.True(Validate(Valid() with { Description = atLimit + "y" }).IsValid);
        AssertOnlyError(Valid() with { Description = atLimit + "yz" }, "Description");
    }

    [Theory]
    [InlineData("tab\tis fine")]
    [InlineData("Des lignes\navec des accents : éàç ñ 中文")]
    public void OrdinaryTextInTheDescriptionIsAccepted(string description) =>
        Assert.True(Validate(Valid() with { Description = description }).IsValid);

    [Theory]
    [InlineData("nul\0byte")]
    [InlineData("bell\u0007")]
    [InlineData("escape\u001b[31m")]
    [InlineData("broken \uFFFD byte")]
    public void ControlCharactersAndUnreadableBytesInTheDescriptionAreRefused(string description) =>
        AssertOnlyError(Valid() with { Description = description }, "Description");

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("false")]
    [InlineData("banana")]
    [InlineData("yes")]
    public void TheNoticeMustBeAcknowledged(string? value) => AssertOnlyError(Valid() with { Acknowledged = value }, "Acknowledged");

    [Theory]
    [InlineData("true")]
    [InlineData("on")]
    [InlineData("true,false")]
    public void ATickedBoxIsAcknowledged(string value) => Assert.True(Validate(Valid() with { Acknowledged = value }).IsValid);

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var result = Validate(new ConsultationSubmission { Acknowledged = "banana", Urgency = "CourtDate" });

        Assert.Equal(["Acknowledged", "CourtDate", "FullName", "Phone", "PreferredLanguage"], result.Errors.Keys.Order());
        Assert.Equal(ConsultationErrorCode.NoticeNotAcknowledged, result.Errors["Acknowledged"].Code);
        Assert.Equal(ConsultationErrorCode.CourtDateMissing, result.Errors["CourtDate"].Code);
        Assert.Equal(ConsultationErrorCode.NameMissing, result.Errors["FullName"].Code);
        Assert.Equal(ConsultationErrorCode.ContactMissing, result.Errors["Phone"].Code);
        Assert.Equal(ConsultationErrorCode.LanguageUnknown, result.Errors["PreferredLanguage"].Code);
    }

    // The validator carries no words, only what the site needs to write the message in the page's language.
    [Fact]
    public void ATextTooLongReportsItsLimitAndItsLength()
    {
        var result = Validate(Valid() with { FullName = new string('a', 121), Description = new string('b', 4001) });

        Assert.Equal(new ConsultationError(ConsultationErrorCode.TooLong, 120, 121), result.Errors["FullName"]);
        Assert.Equal(new ConsultationError(ConsultationErrorCode.DescriptionTooLong, 4000, 4001), result.Errors["Description"]);
    }

    [Theory]
    [InlineData("2026-11-27", ConsultationErrorCode.CourtDatePassed)]
    [InlineData("2040-01-01", ConsultationErrorCode.CourtDateTooFar)]
    [InlineData("next week", ConsultationErrorCode.CourtDateUnreadable)]
    public void EachCourtDateProblemHasItsOwnCode(string date, ConsultationErrorCode expected) =>
        Assert.Equal(expected, Validate(Valid() with { Urgency = "CourtDate", CourtDate = date }).Errors["CourtDate"].Code);
}
