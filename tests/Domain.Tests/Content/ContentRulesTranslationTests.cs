using PiriSite.Domain.Content;

namespace PiriSite.Domain.Tests.Content;

/// <summary>The rules that keep a translation in step with its English page: text versions, the minor-change box, states.</summary>
public class ContentRulesTranslationTests
{
    private static readonly DateTime s_now = new(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static ContentSubmission Valid() => new() { Title = "Asylum", Slug = "asylum", Status = nameof(ContentStatus.Published) };

    private static PracticeArea English(int textVersion = 1) =>
        new() { Id = 1, TranslationKey = "asylum", Name = "Asylum", Slug = "asylum", TextVersion = textVersion };

    private static PracticeArea Spanish(int? sourceTextVersion) => new()
    {
        Id = 2, TranslationKey = "asylum", Culture = SiteCulture.Spanish, Name = "Asilo", Slug = "asilo",
        SourceTextVersion = sourceTextVersion, PublishedAt = s_now.AddDays(-1),
    };

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("false", false)]
    [InlineData("banana", false)]
    public void OnlyATickedMinorChangeBoxCountsAsMinor(string? posted, bool minor)
    {
        var (values, _) = ContentRules.Validate(Valid() with { MinorChange = posted }, ContentKind.PracticeArea, TimeZoneInfo.Utc);

        Assert.Equal(minor, values!.MinorChange);
    }

    [Fact]
    public void TheMatchesBoxCarriesTheEnglishVersionTheTranslatorSaw()
    {
        Assert.Equal(3, ContentRules.Validate(Valid() with { MatchesSourceVersion = "3" }, ContentKind.Article, TimeZoneInfo.Utc).Values!.MatchesSourceVersion);
        Assert.Null(ContentRules.Validate(Valid(), ContentKind.Article, TimeZoneInfo.Utc).Values!.MatchesSourceVersion);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("99999999999")]
    public void AMatchesBoxWithoutAVersionIsRefused(string posted)
    {
        var (values, errors) = ContentRules.Validate(Valid() with { MatchesSourceVersion = posted }, ContentKind.Article, TimeZoneInfo.Utc);

        Assert.Null(values);
        Assert.Contains("MatchesSourceVersion", errors.Keys);
    }

    [Fact]
    public void AChangeOfSubstanceCountsOnTheEnglishPageOnly()
    {
        var english = English();
        var spanish = Spanish(1);

        english.CountTextChange();
        spanish.CountTextChange();

        Assert.Equal((2, 1), (english.TextVersion, spanish.TextVersion));
        Assert.True(spanish.IsOutOfDateWith(english));
    }

    [Fact]
    public void ATranslationBroughtInLineWithTheVersionShownIsUpToDateUntilTheEnglishChangesAgain()
    {
        var english = English(textVersion: 3);
        var spanish = Spanish(1);

        Assert.True(spanish.BringInLineWith(english, 3));
        Assert.False(spanish.IsOutOfDateWith(english));

        english.CountTextChange();
        Assert.True(spanish.IsOutOfDateWith(english));
    }

    [Fact]
    public void AVersionOlderThanTheEnglishNowLeavesTheTranslationBehindAndNeverMovesItBack()
    {
        var english = English(textVersion: 4);
        var spanish = Spanish(2);

        // The translator saw version 3; the English changed to 4 while they worked.
        Assert.True(spanish.BringInLineWith(english, 3));
        Assert.Equal(3, spanish.SourceTextVersion);
        Assert.True(spanish.IsOutOfDateWith(english));
        Assert.True(spanish.BringInLineWith(english, 1));
        Assert.Equal(3, spanish.SourceTextVersion);
    }

    [Fact]
    public void OnlyATranslationOfThisPageAndAVersionItHadCanBeBroughtInLine()
    {
        var english = English(textVersion: 2);

        Assert.False(Spanish(1).BringInLineWith(english, 3));
        Assert.False(Spanish(1).BringInLineWith(english, 0));
        Assert.False(English().BringInLineWith(english, 2));
        var other = Spanish(1);
        other.TranslationKey = "work-permits";
        Assert.False(other.BringInLineWith(english, 2));
        Assert.False(Spanish(1).BringInLineWith(Spanish(1), 1));
    }

    [Fact]
    public void ATranslationsStatusSaysWhetherItIsMissingPublishedOutOfDateAndReviewed()
    {
        var english = English(textVersion: 2);
        var spanish = Spanish(1);

        Assert.Equal(new TranslationStatus(SiteCulture.French, null, false, null, false, false), TranslationStatus.Of(SiteCulture.French, null, english, s_now));
        Assert.True(TranslationStatus.Of(SiteCulture.French, null, english, s_now).Missing);
        Assert.Equal(
            new TranslationStatus(SiteCulture.Spanish, 2, false, PublicationState.Published, true, false) { SourceTextVersion = 1 },
            TranslationStatus.Of(SiteCulture.Spanish, spanish, english, s_now));

        spanish.BringInLineWith(english, 2);
        spanish.MarkReviewed(s_now, "Michael Piri");
        spanish.Status = ContentStatus.Draft;
        var status = TranslationStatus.Of(SiteCulture.Spanish, spanish, english, s_now);
        Assert.Equal((PublicationState.Draft, false, true, false), (status.Publication, status.OutOfDate, status.Reviewed, status.Missing));

        spanish.DeletedAt = s_now;
        Assert.True(TranslationStatus.Of(SiteCulture.Spanish, spanish, english, s_now) is { Missing: true, Deleted: true, Id: 2 });
    }
}
