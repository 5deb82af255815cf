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
    /// When the attorney last confirmed the article is accurate, shown on the public page. Null again once its
    /// text changes (<see cref="ContentRules.ChangesReviewedText"/>): the page never vouches for words the
    /// attorney has not read.
    /// </summary>
    public DateTime? ReviewedAt { get; set; }

    public string? ReviewedBy { get; set; }

    protected override string Heading => Title;

    public void MarkReviewed(DateTime utcNow, string attorney)
    {
        ReviewedAt = utcNow;
        ReviewedBy = attorney;
    }

    /// <summary>Takes the review away; true when there was one.</summary>
    public bool WithdrawReview()
    {
        var hadReview = ReviewedAt is not null;
        ReviewedAt = null;
        ReviewedBy = null;
        return hadReview;
    }

    public bool IsPublishedAt(DateTime utcNow) =>
        DeletedAt is null && Status == ContentStatus.Published && PublishedAt is { } published && published <= utcNow;
}
