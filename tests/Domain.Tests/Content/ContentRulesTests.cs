using PiriSite.Domain.Content;

namespace PiriSite.Domain.Tests.Content;

public class ContentRulesTests
{
    private static ContentSubmission Titled(string title) => new() { Title = title, Slug = "a-page", Status = nameof(ContentStatus.Draft) };

    private static string? TitleError(string title, ContentKind kind) =>
        ContentRules.Validate(Titled(title), kind, TimeZoneInfo.Utc).Errors.GetValueOrDefault("Title");

    [Fact]
    public void APracticeAreaNameIsLimitedToItsColumnOf120Characters()
    {
        Assert.Null(TitleError(new string('a', PracticeArea.NameMaxLength), ContentKind.PracticeArea));
        Assert.Equal("Shorten the title to 120 characters or fewer.", TitleError(new string('a', 121), ContentKind.PracticeArea));
    }

    [Fact]
    public void AnArticleTitleIsLimitedToItsColumnOf200Characters()
    {
        Assert.Null(TitleError(new string('a', 121), ContentKind.Article));
        Assert.Null(TitleError(new string('a', Article.TitleMaxLength), ContentKind.Article));
        Assert.Equal("Shorten the title to 200 characters or fewer.", TitleError(new string('a', 201), ContentKind.Article));
    }

    [Fact]
    public void EachKindHasItsOwnBodyLimit()
    {
        var body = new string('a', PracticeArea.BodyMaxLength + 1);

        Assert.True(ContentRules.Validate(Titled("A") with { BodyMarkdown = body }, ContentKind.Article, TimeZoneInfo.Utc).Values is not null);
        Assert.Contains("BodyMarkdown", ContentRules.Validate(Titled("A") with { BodyMarkdown = body }, ContentKind.PracticeArea, TimeZoneInfo.Utc).Errors.Keys);
    }

    [Fact]
    public void APublicationTimeIsShownInTheFirmsTimeToTheMinute()
    {
        var utc = new DateTime(2027, 1, 15, 15, 0, 42, DateTimeKind.Utc);

        Assert.Equal(FirmTimeZone.ToFirmTime(utc).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), ContentRules.PublishAtText(utc));
        Assert.Null(ContentRules.PublishAtText(null));
    }

    [Fact]
    public void BothKindsOfPageFallBackToTheirOwnHeadingForTheirTitleTag()
    {
        var article = new Article { TranslationKey = "a", Title = "Bond Hearings", Slug = "a", Summary = "About bonds." };
        var area = new PracticeArea { TranslationKey = "p", Name = "Asylum", Slug = "p", SeoTitle = " " };

        Assert.Equal(("Bond Hearings", "About bonds."), (article.PageTitle, article.PageDescription));
        Assert.Equal("Asylum", area.PageTitle);
        Assert.Equal("Asylum lawyer", new PracticeArea { TranslationKey = "p", Name = "Asylum", Slug = "p", SeoTitle = "Asylum lawyer" }.PageTitle);
        Assert.Equal((ContentStatus.Draft, ContentStatus.Published), (article.Status, area.Status));
    }
}
