namespace PiriSite.Domain.Content;

/// <summary>A long-form explainer, written in Markdown, in one language.</summary>
public class Article : IEditableContent
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 500;
    public const int AuthorMaxLength = 120;
    public const int SeoTitleMaxLength = 70;
    public const int SeoDescriptionMaxLength = 160;
    public const int BodyMaxLength = 200_000;

    public int Id { get; set; }

    /// <summary>
    /// The language-independent identity of the article: its Spanish and French versions share it.
    /// It never changes, so seeding and translations can find the article even after its slug is edited.
    /// </summary>
    public required string TranslationKey { get; set; }

    public string Culture { get; set; } = SiteCulture.English;

    public required string Title { get; set; }

    public required string Slug { get; set; }

    public string Summary { get; set; } = "";

    public string BodyMarkdown { get; set; } = "";

    public string BodyHtml { get; set; } = "";

    public string TableOfContentsJson { get; set; } = "[]";

    public int RenderVersion { get; set; }

    public string AuthorName { get; set; } = "";

    public ContentStatus Status { get; set; } = ContentStatus.Draft;

    public DateTime? PublishedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? SeoTitle { get; set; }

    public string? SeoDescription { get; set; }

    public int Version { get; set; }

    public DateTime? DeletedAt { get; set; }

    /// <summary>
    /// When the attorney last confirmed the article is accurate, shown on the public page. Null again once its
    /// text changes (<see cref="ContentRules.ChangesReviewedText"/>): the page never vouches for words the
    /// attorney has not read.
    /// </summary>
    public DateTime? ReviewedAt { get; set; }

    public string? ReviewedBy { get; set; }

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

    /// <summary>The text for the page's &lt;title&gt;: the SEO title when staff wrote one.</summary>
    public string PageTitle => string.IsNullOrWhiteSpace(SeoTitle) ? Title : SeoTitle;

    public string PageDescription => string.IsNullOrWhiteSpace(SeoDescription) ? Summary : SeoDescription;
}
