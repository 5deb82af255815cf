using PiriSite.Domain.Content;

namespace PiriSite.Domain.Tests.Content;

public class ArticleReviewRuleTests
{
    private static Article Reviewed() => new()
    {
        TranslationKey = "asylum", Title = "Asylum", Slug = "asylum", Summary = "Who qualifies.", BodyMarkdown = "The one-year deadline.",
        SeoTitle = null, SeoDescription = null, ReviewedAt = new DateTime(2026, 11, 2, 15, 0, 0, DateTimeKind.Utc), ReviewedBy = "Michael Piri",
    };

    private static ContentValues Same(Article a) =>
        new(a.Title, a.Slug, a.Summary, a.BodyMarkdown, a.SeoTitle, a.SeoDescription, ContentStatus.Published, null);

    [Fact]
    public void TheSameTextUnderAnotherAddressSearchDescriptionOrStatusKeepsTheReview()
    {
        var article = Reviewed();

        Assert.False(ContentRules.ChangesReviewedText(article, Same(article) with
        {
            Slug = "asylum-in-texas", SeoTitle = "Asylum", SeoDescription = "Who qualifies for asylum.", Status = ContentStatus.Draft,
            PublishAtUtc = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        }));
    }

    [Fact]
    public void AnyChangeToTheTitleSummaryOrBodyEvenAPunctuationMarkEndsTheReview()
    {
        var article = Reviewed();

        Assert.True(ContentRules.ChangesReviewedText(article, Same(article) with { Title = "Asylum!" }));
        Assert.True(ContentRules.ChangesReviewedText(article, Same(article) with { Summary = "Who qualifies" }));
        Assert.True(ContentRules.ChangesReviewedText(article, Same(article) with { BodyMarkdown = "The one-year deadline, usually." }));
    }

    [Fact]
    public void WithdrawingTheReviewClearsItAndSaysWhetherThereWasOne()
    {
        var article = Reviewed();

        Assert.True(article.WithdrawReview(new DateTime(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc)));
        Assert.Null(article.ReviewedAt);
        Assert.Null(article.ReviewedBy);
        Assert.False(article.WithdrawReview(new DateTime(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc)));
        article.MarkReviewed(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), "Michael Piri");
        Assert.Equal((new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), "Michael Piri"), (article.ReviewedAt!.Value, article.ReviewedBy));
    }
}
