namespace PiriSite.Domain.Content;

/// <summary>An image staff uploaded for use in articles and pages, stored under a random name.</summary>
public class MediaFile
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int AltTextMaxLength = 300;

    /// <summary>
    /// The most pixels an upload may declare (a 7,700 × 5,200 photo, more than any camera a firm uses). Five
    /// megabytes of PNG can declare 30,000 × 30,000 pixels, 3.6 GB once decoded: the size is checked in the
    /// header, before anything decodes it.
    /// </summary>
    public const long MaxPixels = 40_000_000;

    public static bool IsWithinPixelLimit(int width, int height) =>
        width > 0 && height > 0 && (long)width * height <= MaxPixels;

    /// <summary>What is wrong with an image's alt text (already trimmed), or null when it is fine.</summary>
    public static string? AltTextProblem(string altText)
    {
        ArgumentNullException.ThrowIfNull(altText);
        return altText.Length == 0 ? "Describe the image for people who cannot see it (alt text)."
            : altText.Length > AltTextMaxLength ? $"Keep the alt text to {AltTextMaxLength} characters or fewer."
            : null;
    }

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

    /// <summary>
    /// The widths of the smaller copies made at upload, comma-separated ("480,960"), stored beside the
    /// original as NAME-WIDTH.EXT. Empty for an image already small.
    /// </summary>
    public string Variants { get; set; } = "";

    public string Url => $"/media/{StoredName}";

    public IReadOnlyList<int> VariantWidths =>
        Variants.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(width => int.Parse(width, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    public static string VariantName(string storedName, int width)
    {
        ArgumentNullException.ThrowIfNull(storedName);
        return $"{Path.GetFileNameWithoutExtension(storedName)}-{width.ToString(System.Globalization.CultureInfo.InvariantCulture)}{Path.GetExtension(storedName)}";
    }

    public string VariantUrl(int width) => $"/media/{VariantName(StoredName, width)}";

    /// <summary>The Markdown that puts the image in a page.</summary>
    public string Markdown => $"![{EscapedAltText}]({Url})";

    // A bracket would end the alt text early (and "[" alone turned the image into a plain link); a backslash would
    // escape the character after it. Escaped, all three stay text and the image keeps its whole description.
    private string EscapedAltText => AltText
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("[", "\\[", StringComparison.Ordinal)
        .Replace("]", "\\]", StringComparison.Ordinal);
}
