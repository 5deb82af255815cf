using PiriSite.Domain.Consultations;

namespace PiriSite.Domain.Tests.Consultations;

/// <summary>The notice's versions: both texts required and bounded, a new version only for new words, in its own language.</summary>
public class ConsultationNoticeVersionTests
{
    private static readonly DateTime s_at = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    private static ConsultationNoticeVersion First(string culture = "en") =>
        ConsultationNoticeVersion.First(culture, "Sending this form does not make you a client.", "I have read this notice.", s_at, "Michael Piri");

    [Theory]
    [InlineData("", "Label", "Text")]
    [InlineData("  \r\n ", "Label", "Text")]
    [InlineData("Text", "", "CheckboxLabel")]
    [InlineData("Text", "Two\nlines", "CheckboxLabel")]
    public void BothTextsAreRequiredAndTheBoxIsOneLine(string text, string label, string field)
    {
        var errors = ConsultationNoticeVersion.Validate(text, label);

        Assert.Equal(field, Assert.Single(errors).Field);
        Assert.Throws<ArgumentException>(() => ConsultationNoticeVersion.First("en", text, label, s_at, "Michael Piri"));
    }

    [Fact]
    public void TextsLongerThanTheirLimitsAreRefused()
    {
        var errors = ConsultationNoticeVersion.Validate(
            new string('a', ConsultationNoticeVersion.TextMaxLength + 1), new string('b', ConsultationNoticeVersion.CheckboxLabelMaxLength + 1));

        Assert.Equal(["Text", "CheckboxLabel"], errors.Select(e => e.Field));
        Assert.Empty(ConsultationNoticeVersion.Validate(
            new string('a', ConsultationNoticeVersion.TextMaxLength), new string('b', ConsultationNoticeVersion.CheckboxLabelMaxLength)));
    }

    [Fact]
    public void NewWordsMakeTheNextVersionInTheSameLanguage()
    {
        var first = First("es");

        var next = first.Next("Nuevo aviso.", first.CheckboxLabel, s_at.AddDays(1), "Michael Piri");

        Assert.NotNull(next);
        Assert.Equal(("es", 2, "Nuevo aviso."), (next.Culture, next.Number, next.Text));
        Assert.Equal(3, next.Next(next.Text, "Otra casilla.", s_at.AddDays(2), "Michael Piri")!.Number);
        Assert.Equal(1, first.Number); // the earlier version is untouched
    }

    [Fact]
    public void TheSameWordsMakeNoNewVersionWhateverTheLineEndingsAndOuterSpaces()
    {
        var first = ConsultationNoticeVersion.First("en", "Line one.\nLine two.", "I agree.", s_at, "Michael Piri");

        Assert.Null(first.Next("  Line one.\r\nLine two.\r\n", " I agree. ", s_at, "Someone"));
        Assert.Equal("Line one.\nLine two.", first.Text);
    }

    [Fact]
    public void ALanguageTheSiteDoesNotHaveHasNoNotice() =>
        Assert.Throws<ArgumentException>(() => First("de"));

    [Fact]
    public void ARequestAcceptsOnlyANoticeInItsPagesLanguage()
    {
        var details = new ConsultationDetails("A", null, null, ContactLanguage.Spanish, ContactMethod.NoPreference, null, Urgency.None, null, "");
        var spanish = First("es");
        spanish.Id = 7;

        var request = ConsultationRequest.Create(details, "PR-AAAAAA", Guid.NewGuid(), s_at, "/es/consulta", "es", SpamVerdict.NotSpam, spanish);

        Assert.Equal(7, request.NoticeVersionId);
        Assert.Throws<ArgumentException>(() =>
            ConsultationRequest.Create(details, "PR-AAAAAB", Guid.NewGuid(), s_at, "/es/consulta", "es", SpamVerdict.NotSpam, First("en")));
    }
}
