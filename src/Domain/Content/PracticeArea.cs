namespace PiriSite.Domain.Content;

/// <summary>One of the firm's areas of immigration practice, with its own page, in one language.</summary>
public class PracticeArea : IEditableContent
{
    public const int NameMaxLength = 120;
    public const int SummaryMaxLength = 500;
    public const int BodyMaxLength = 100_000;
    public const int SeoTitleMaxLength = 70;
    public const int SeoDescriptionMaxLength = 160;

    public int Id { get; set; }

    /// <summary>Shared by the translations of one practice area; never changes (see <see cref="Article.TranslationKey"/>).</summary>
    public required string TranslationKey { get; set; }

    public string Culture { get; set; } = SiteCulture.English;

    public required string Name { get; set; }

    public required string Slug { get; set; }

    public string Summary { get; set; } = "";

    public string BodyMarkdown { get; set; } = "";

    public string BodyHtml { get; set; } = "";

    public string TableOfContentsJson { get; set; } = "[]";

    public int RenderVersion { get; set; }

    public int DisplayOrder { get; set; }

    public ContentStatus Status { get; set; } = ContentStatus.Published;

    public DateTime UpdatedAt { get; set; }

    public string? SeoTitle { get; set; }

    public string? SeoDescription { get; set; }

    /// <summary>When the page goes (or went) public; null means as soon as it is published.</summary>
    public DateTime? PublishedAt { get; set; }

    public int Version { get; set; }

    public DateTime? DeletedAt { get; set; }

    string IEditableContent.Title
    {
        get => Name;
        set => Name = value;
    }

    public string PageTitle => string.IsNullOrWhiteSpace(SeoTitle) ? Name : SeoTitle;

    public string PageDescription => string.IsNullOrWhiteSpace(SeoDescription) ? Summary : SeoDescription;
}
