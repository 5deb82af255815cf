namespace PiriSite.Domain.Content;

/// <summary>A long-form explainer, written in Markdown, in one language.</summary>
public class Article : ContentPage, IEditableContent
{
    public const int TitleMaxLength = 200;
    public const int AuthorMaxLength = 120;
    public const int BodyMaxLength = 200_000;

    public required string Title { get; set; }

    public string AuthorName { get; set; } = "";

    protected override string Heading => Title;

    public bool IsPublishedAt(DateTime utcNow) =>
        DeletedAt is null && Status == ContentStatus.Published && PublishedAt is { } published && published <= utcNow;
}
