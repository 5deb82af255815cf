namespace PiriSite.Domain.Content;

/// <summary>
/// A subject articles are filed under (287(g) and enforcement, asylum, family, court…), in one language, with its own
/// index page. Like pages, its versions in each language share a <see cref="TranslationKey"/>; an article is filed
/// under topics of its own language. Staff keep the list short: it is the site's navigation, not free tagging.
/// </summary>
public class Topic
{
    public const int NameMaxLength = 80;
    public const int DescriptionMaxLength = 300;

    public int Id { get; set; }

    public required string TranslationKey { get; set; }

    public string Culture { get; set; } = SiteCulture.English;

    public required string Name { get; set; }

    public required string Slug { get; set; }

    /// <summary>One or two sentences shown under the topic's heading on its index page (and as its meta description).</summary>
    public string Description { get; set; } = "";

    public int DisplayOrder { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>An article filed under a topic (both in the same language).</summary>
public class ArticleTopic
{
    public int ArticleId { get; set; }

    public int TopicId { get; set; }
}
