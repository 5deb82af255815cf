using PiriSite.Domain.Content;

namespace PiriSite.Domain.Tests.Content;

public class ReviewCadenceTests
{
    // Noon in Dallas (UTC-6 in winter), so the firm's day and the UTC day agree.
    private static DateTime Noon(int year, int month, int day) => new(year, month, day, 18, 0, 0, DateTimeKind.Utc);

    private static Article Published(DateTime? reviewedAt = null, bool fastMoving = false)
    {
        var article = new Article
        {
            TranslationKey = "asylum", Title = "Asylum", Slug = "asylum", Status = ContentStatus.Published,
            PublishedAt = Noon(2026, 1, 5), UpdatedAt = Noon(2026, 1, 5),
        };
        article.ScheduleReview(fastMoving, chosen: null);
        if (reviewedAt is { } at)
        {
            article.MarkReviewed(at, "Michael Piri");
        }

        return article;
    }

    [Fact]
    public void AReviewIsDueAgainSixMonthsLaterOrTwoOnAFastMovingTopic()
    {
        Assert.Equal(new DateOnly(2027, 6, 3), Published(Noon(2026, 12, 3)).ReviewBy);
        Assert.Equal(new DateOnly(2027, 2, 3), Published(Noon(2026, 12, 3), fastMoving: true).ReviewBy);
    }

    [Fact]
    public void AReviewOnTheLastDayOfALongMonthFallsDueOnTheLastDayOfAShortOne()
    {
        Assert.Equal(new DateOnly(2027, 2, 28), ReviewCadence.DefaultReviewBy(new DateOnly(2026, 8, 31), fastMoving: false));
        Assert.Equal(new DateOnly(2028, 2, 29), ReviewCadence.DefaultReviewBy(new DateOnly(2027, 8, 31), fastMoving: false));
        Assert.Equal(new DateOnly(2027, 2, 28), ReviewCadence.DefaultReviewBy(new DateOnly(2026, 12, 31), fastMoving: true));
    }

    [Fact]
    public void TheReviewDayIsTheFirmsDayNotUtcs()
    {
        // 03:00 UTC on Dec 4 is still Dec 3 in Dallas.
        Assert.Equal(new DateOnly(2027, 6, 3), Published(new DateTime(2026, 12, 4, 3, 0, 0, DateTimeKind.Utc)).ReviewBy);
    }

    [Fact]
    public void TogglingFastMovingRecomputesTheDefaultFromTheLastReview()
    {
        var article = Published(Noon(2026, 12, 3));

        Assert.True(article.ScheduleReview(fastMoving: true, chosen: article.ReviewBy));
        Assert.Equal(new DateOnly(2027, 2, 3), article.ReviewBy);
        Assert.True(article.ScheduleReview(fastMoving: false, chosen: article.ReviewBy));
        Assert.Equal(new DateOnly(2027, 6, 3), article.ReviewBy);
    }

    [Fact]
    public void StaffChooseAnyDayAndAnEmptyFieldGivesTheDefaultBack()
    {
        var article = Published(Noon(2026, 12, 3));

        Assert.True(article.ScheduleReview(fastMoving: false, chosen: new DateOnly(2027, 1, 15)));
        Assert.Equal(new DateOnly(2027, 1, 15), article.ReviewBy);
        Assert.False(article.ScheduleReview(fastMoving: false, chosen: new DateOnly(2027, 1, 15)));
        Assert.True(article.ScheduleReview(fastMoving: false, chosen: null));
        Assert.Equal(new DateOnly(2027, 6, 3), article.ReviewBy);
    }

    [Fact]
    public void AChangedTextIsDueFromTheDayItChangedWhateverDateWasChosen()
    {
        var article = Published(Noon(2026, 12, 3));

        Assert.True(article.WithdrawReview(Noon(2027, 1, 10)));
        Assert.Equal(new DateOnly(2027, 1, 10), article.ReviewBy);
        article.ScheduleReview(fastMoving: false, chosen: new DateOnly(2027, 5, 1));
        Assert.Equal(new DateOnly(2027, 1, 10), article.ReviewBy);
        Assert.True(ReviewCadence.IsOverdue(article, Noon(2027, 1, 10)));
    }

    public static TheoryData<string, bool> Cases => new()
    {
        { "never reviewed", true },
        { "review by yesterday", true },
        { "review by today", false },
        { "review by tomorrow", false },
        { "text changed since the review", true },
        { "draft, never reviewed", false },
        { "scheduled, never reviewed", false },
        { "deleted, never reviewed", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OverdueMeansPublishedAndPastItsReviewByDayOrUnreviewed(string @case, bool overdue)
    {
        var now = Noon(2027, 3, 10);
        var article = Case(@case, now);

        Assert.Equal(overdue, ReviewCadence.IsOverdue(article, now));
        // The expression the queries use says the same as the rule run in memory.
        Assert.Equal(overdue, new[] { article }.AsQueryable().Where(ReviewCadence.Overdue(now)).Any());
    }

    [Fact]
    public void DueWithinListsReviewedArticlesDueFromTodayToThirtyDaysAhead()
    {
        var now = Noon(2027, 3, 10);
        bool Due(string @case) => new[] { Case(@case, now) }.AsQueryable().Where(ReviewCadence.DueWithin(now, ReviewCadence.DueSoonDays)).Any();

        Assert.True(Due("review by today"));
        Assert.True(Due("review by tomorrow"));
        Assert.False(Due("review by yesterday"));
        Assert.False(Due("never reviewed"));
        Assert.False(Due("review in 31 days"));
    }

    [Fact]
    public void APastDayIsRefusedOnlyWhenStaffChangeIt()
    {
        var today = new DateOnly(2027, 3, 10);

        Assert.NotNull(ReviewCadence.Refusal(stored: new DateOnly(2027, 6, 1), chosen: new DateOnly(2027, 3, 9), today));
        Assert.Null(ReviewCadence.Refusal(stored: new DateOnly(2027, 3, 1), chosen: new DateOnly(2027, 3, 1), today));
        Assert.Null(ReviewCadence.Refusal(stored: null, chosen: today, today));
    }

    [Fact]
    public void TheEditorsDateIsParsedAndAPastOneRefusedAtItsField()
    {
        var submission = new ContentSubmission { Title = "Asylum", Status = "Published", ReviewBy = "2027-03-09", FastMoving = "true" };
        var review = new ReviewDates(new DateOnly(2027, 6, 1), new DateOnly(2027, 3, 10));

        Assert.Contains("cannot be in the past", ContentRules.Validate(submission, ContentKind.Article, TimeZoneInfo.Utc, review).Errors["ReviewBy"], StringComparison.Ordinal);
        Assert.Contains("2027-06-15", ContentRules.Validate(submission with { ReviewBy = "next June" }, ContentKind.Article, TimeZoneInfo.Utc, review).Errors["ReviewBy"], StringComparison.Ordinal);
        var values = ContentRules.Validate(submission with { ReviewBy = "2027-04-01" }, ContentKind.Article, TimeZoneInfo.Utc, review).Values!;
        Assert.Equal((new DateOnly(2027, 4, 1), true), (values.ReviewBy, values.FastMoving));
    }

    private static Article Case(string @case, DateTime now)
    {
        var today = ReviewCadence.FirmDay(now);
        var article = Published();
        void ReviewedWithDueDay(DateOnly day)
        {
            article.MarkReviewed(Noon(2027, 1, 2), "Michael Piri");
            article.ScheduleReview(fastMoving: false, chosen: day);
        }

        switch (@case)
        {
            case "review by yesterday": ReviewedWithDueDay(today.AddDays(-1)); break;
            case "review by today": ReviewedWithDueDay(today); break;
            case "review by tomorrow": ReviewedWithDueDay(today.AddDays(1)); break;
            case "review in 31 days": ReviewedWithDueDay(today.AddDays(31)); break;
            case "text changed since the review": ReviewedWithDueDay(today.AddDays(60)); article.WithdrawReview(now); break;
            case "draft, never reviewed": article.Status = ContentStatus.Draft; break;
            case "scheduled, never reviewed": article.PublishedAt = now.AddDays(1); break;
            case "deleted, never reviewed": article.DeletedAt = now.AddDays(-1); break;
        }

        return article;
    }
}
