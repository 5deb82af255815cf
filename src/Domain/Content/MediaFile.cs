namespace PiriSite.Domain.Content;

/// <summary>An image staff uploaded for use in articles and pages, stored under a random name.</summary>
public class MediaFile
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int AltTextMaxLength = 300;

    public int Id { get; set; }

    /// <summary>The random file name it is stored and served under, such as "3f9a…c1.jpg".</summary>
    public required string StoredName { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public required string AltText { get; set; }

    public DateTime UploadedAt { get; set; }

    public string UploadedBy { get; set; } = "";

    public string Url => $"/media/{StoredName}";

    /// <summary>The Markdown that puts the image in a page.</summary>
    public string Markdown => $"![{AltText.Replace("]", "", StringComparison.Ordinal)}]({Url})";
}
