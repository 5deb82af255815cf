namespace PiriSite.Web.Services.Media;

/// <summary>
/// An image as the upload form sends it: its bytes (null when no file was chosen), their length, its alt text, and
/// the token of an image kept from the last try (<see cref="PendingUploads"/>), used when no new file is chosen.
/// </summary>
public sealed record MediaUpload(Stream? Content, long Length, string? AltText, string? KeptToken = null);

/// <summary>An image that passed its checks, kept for the retry after a form error: its token, size in pixels and bytes.</summary>
public sealed record KeptImage(string Token, int Width, int Height, long SizeBytes);

/// <summary>
/// What became of an upload: the stored image, or the problems by form field ("file", "altText"), in the order
/// the form shows them. <see cref="AltText"/> is the alt text as it was checked, to show again; <see cref="Kept"/>
/// the image kept for the retry, when the image itself was fine.
/// </summary>
public sealed record MediaUploadResult(MediaFile? Uploaded, IReadOnlyDictionary<string, string> Errors, string AltText, KeptImage? Kept = null)
{
    public static MediaUploadResult Done(MediaFile uploaded) => new(uploaded, new Dictionary<string, string>(), uploaded.AltText);

    public static MediaUploadResult Invalid(IReadOnlyDictionary<string, string> errors, string altText, KeptImage? kept = null) => new(null, errors, altText, kept);
}

/// <summary>A stored file to serve: its bytes (disposed by whoever sends them), content type and, for the library's images, when it was written.</summary>
public sealed record MediaContent(Stream Content, string ContentType, DateTimeOffset? LastModified);
