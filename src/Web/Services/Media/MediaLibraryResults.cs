namespace PiriSite.Web.Services.Media;

/// <summary>An image as the upload form sends it: its bytes (null when no file was chosen), their length, and its alt text.</summary>
public sealed record MediaUpload(Stream? Content, long Length, string? AltText);

/// <summary>
/// What became of an upload: the stored image, or the problems by form field ("file", "altText"), in the order
/// the form shows them. <see cref="AltText"/> is the alt text as it was checked, to show again.
/// </summary>
public sealed record MediaUploadResult(MediaFile? Uploaded, IReadOnlyDictionary<string, string> Errors, string AltText)
{
    public static MediaUploadResult Done(MediaFile uploaded) => new(uploaded, new Dictionary<string, string>(), uploaded.AltText);

    public static MediaUploadResult Invalid(IReadOnlyDictionary<string, string> errors, string altText) => new(null, errors, altText);
}

/// <summary>A stored file to serve: where it is on disk and its content type.</summary>
public sealed record MediaContent(string Path, string ContentType);
