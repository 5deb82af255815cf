namespace PiriSite.Domain.Content;

/// <summary>A long-form explainer, written in Markdown, in one language.</summary>
public class Article : ContentPage, IEditableContent
{
    public const int TitleMaxLength = 200;
    public const int AuthorMaxLength = 120;
    public const int BodyMaxLength = 200_000;

    public required string Title { get; set; }

    public string AuthorName { get; set; } = "";

    /// <summary>
    /// The firm's day by which the attorney must review this text again (<see cref="ReviewCadence"/>): set by each review,
    /// changed by staff, and the day the text changed when that took the review off. Null: never reviewed.
    /// </summary>
    public DateOnly? ReviewBy { get; private set; }

    /// <summary>A fast-moving topic: reviewed every <see cref="ReviewCadence.FastMovingMonths"/> months instead of <see cref="ReviewCadence.StandardMonths"/>.</summary>
    public bool FastMoving { get; private set; }

    protected override string Heading => Title;

    public bool IsPublishedAt(DateTime utcNow) =>
        DeletedAt is null && Status == ContentStatus.Published && PublishedAt is { } published && published <= utcNow;

    public override void MarkReviewed(DateTime utcNow, string attorney)
    {
        base.MarkReviewed(utcNow, attorney);
        ReviewBy = ReviewCadence.DefaultReviewBy(ReviewCadence.FirmDay(utcNow), FastMoving);
    }

    /// <summary>The text changed: it is due for review from that day (a later review-by day would vouch for nothing).</summary>
    public override bool WithdrawReview(DateTime changedAt)
    {
        var hadReview = base.WithdrawReview(changedAt);
        if (hadReview)
        {
            ReviewBy = ReviewCadence.FirmDay(changedAt);
        }

        return hadReview;
    }

    /// <summary>
    /// Staff's choice in the editor: the topic's cadence and, on reviewed text, the review-by day: <paramref name="chosen"/>
    /// when it differs from the stored one; else, when the field was emptied or the cadence changed, the default from the
    /// last review. Unreviewed text keeps its date (it is due already). True when anything changed.
    /// </summary>
    public bool ScheduleReview(bool fastMoving, DateOnly? chosen)
    {
        var before = (FastMoving, ReviewBy);
        var cadenceChanged = fastMoving != FastMoving;
        FastMoving = fastMoving;
        if (ReviewedAt is { } reviewed)
        {
            ReviewBy = chosen is { } day && day != ReviewBy ? day
                : chosen is null || cadenceChanged ? ReviewCadence.DefaultReviewBy(ReviewCadence.FirmDay(reviewed), fastMoving)
                : ReviewBy;
        }

        return before != (FastMoving, ReviewBy);
    }

    /// <summary>Gives a reviewed article its review-by day if it has none (articles reviewed before the cadence existed); true when it did.</summary>
    public bool BackfillReviewBy()
    {
        if (ReviewBy is not null || ReviewedAt is not { } reviewed)
        {
            return false;
        }

        ReviewBy = ReviewCadence.DefaultReviewBy(ReviewCadence.FirmDay(reviewed), FastMoving);
        return true;
    }
}
