namespace PiriSite.Domain.Content;

/// <summary>One of the firm's areas of immigration practice, with its own page, in one language.</summary>
public class PracticeArea : ContentPage, IEditableContent
{
    public const int NameMaxLength = 120;
    public const int BodyMaxLength = 100_000;

    // A practice area is on the site unless staff take it off (an article starts as a draft).
    public PracticeArea() => Status = ContentStatus.Published;

    public required string Name { get; set; }

    public int DisplayOrder { get; set; }

    protected override string Heading => Name;

    string IEditableContent.Title
    {
        get => Name;
        set => Name = value;
    }
}
