using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using PiriSite.Domain.Search;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Services.Media;

/// <summary>
/// The media library: image uploads for articles and pages (JPEG, PNG or WebP up to 5 MB and 40 megapixels,
/// checked from their content, stored without their metadata under a random name, with smaller copies), the
/// list staff see, and the lookup that serves a stored file. It is the only code that writes the library's images
/// (to the <see cref="IMediaStore"/> Media:Store names) or their rows. A good image sent with a form error is kept for the retry (<see cref="PendingUploads"/>).
/// </summary>
public sealed partial class MediaLibraryService(SiteDbContext db, IMediaStore store, PendingUploads pending, AuditLog audit, TimeProvider clock)
{
    /// <summary>How many images a page of the library shows (a multiple of 2, 3 and 4: the grid's full rows).</summary>
    public const int PageSize = 48;

    /// <summary>
    /// One page of the library, newest upload first: those a search finds by their alt text or their file's name (as
    /// it appears in a page's Markdown, "/media/3f2a….jpg").
    /// </summary>
    public async Task<ListPage<MediaFile>> PageAsync(string? search, int page, CancellationToken cancellationToken = default)
    {
        var files = db.MediaFiles.AsNoTracking();
        if (LikePattern.Containing(search) is { } pattern)
        {
            // Without regard to case on both engines (citext on PostgreSQL). A path pasted from a page
            // ("/media/NAME.jpg") finds its image by the name alone.
            var name = pattern.Replace("/media/", "", StringComparison.OrdinalIgnoreCase).ToLowerInvariant();
            files = files.Where(m => EF.Functions.Like(m.AltText, pattern) || EF.Functions.Like(m.StoredName, name));
        }

        return await ListPaging.PageAsync(files.OrderByDescending(m => m.Id), page, PageSize, cancellationToken);
    }

    /// <summary>
    /// Checks and stores an upload. The image and its copies are stored first, then the row and its audit entry in
    /// one transaction: a row never points at a missing image. When the image is fine but the form is not, nothing is
    /// stored and the image is kept for the retry, so that it need not be chosen again.
    /// </summary>
    public async Task<MediaUploadResult> UploadAsync(MediaUpload upload, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(actor);
        await pending.SweepAsync();
        var alt = upload.AltText?.Trim() ?? "";
        var errors = new Dictionary<string, string>();

        // The file is checked even when the alt text is wrong, so the form names every problem at once.
        var (image, bytes, fileProblem, keptToken) = await ChosenImageAsync(upload, cancellationToken);
        if (fileProblem is not null)
        {
            errors["file"] = fileProblem;
        }

        if (MediaFile.AltTextProblem(alt) is { } altProblem)
        {
            errors["altText"] = altProblem;
        }

        if (errors.Count > 0 || image is null)
        {
            KeptImage? kept = null;
            if (image is not null)
            {
                var token = keptToken ?? await pending.KeepAsync(bytes);
                await pending.TouchAsync(token);
                kept = new KeptImage(token, image.Width, image.Height, bytes.Length);
            }

            return MediaUploadResult.Invalid(errors, alt, kept);
        }

        var stored = await StoreAsync(bytes, image, alt, actor);
        await pending.RemoveAsync(keptToken);
        return MediaUploadResult.Done(stored);
    }

    /// <summary>The image kept from a last try, for its preview beside the form, or null when it is gone.</summary>
    public async Task<MediaContent?> FindKeptAsync(string token, CancellationToken cancellationToken = default) =>
        await pending.ReadAsync(token, cancellationToken) is { } bytes && ImageFormat.Detect(bytes) is { } image
            ? new MediaContent(new MemoryStream(bytes, writable: false), image.ContentType, null)
            : null;

    /// <summary>The image this try uses: a newly chosen file (which replaces a kept one), else the one kept from the last try.</summary>
    private async Task<(DetectedImage? Image, byte[] Bytes, string? Problem, string? KeptToken)> ChosenImageAsync(MediaUpload upload, CancellationToken cancellationToken)
    {
        if (upload.Content is not null && upload.Length > 0)
        {
            await pending.RemoveAsync(upload.KeptToken);
            var (image, bytes, problem) = await ReadImageAsync(upload, cancellationToken);
            return (image, bytes, problem, null);
        }

        if (string.IsNullOrEmpty(upload.KeptToken))
        {
            return (null, [], "Choose an image file to upload.", null);
        }

        // Kept bytes were checked and stripped before they were kept; they are only read back here.
        return await pending.ReadAsync(upload.KeptToken, cancellationToken) is { } kept && ImageFormat.Detect(kept) is { } keptImage
            ? (keptImage, kept, null, upload.KeptToken)
            : (null, [], "Choose the image again: the one chosen before is no longer kept (an image is kept for an hour after an error).", null);
    }

    /// <summary>
    /// The stored file named <paramref name="name"/> (an original, or one of its smaller copies as NAME-WIDTH.EXT),
    /// or null when the site did not make it. Only names this site makes are looked up, so no path can be smuggled in.
    /// The caller disposes its stream (a File result does).
    /// </summary>
    public async Task<MediaContent?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var match = StoredName().Match(name);
        if (!match.Success)
        {
            return null;
        }

        var original = match.Groups["hash"].Value + match.Groups["ext"].Value;
        var media = await db.MediaFiles.AsNoTracking().SingleOrDefaultAsync(m => m.StoredName == original, cancellationToken);
        var width = match.Groups["width"];
        if (media is null || (width.Success && !media.VariantWidths.Contains(int.Parse(width.Value, CultureInfo.InvariantCulture))))
        {
            return null;
        }

        var stored = await store.OpenAsync(name, cancellationToken);
        return stored is null ? null : new MediaContent(stored.Content, media.ContentType, stored.WrittenAt);
    }

    /// <summary>The upload's image, with its metadata stripped, or what is wrong with it.</summary>
    private static async Task<(DetectedImage? Image, byte[] Bytes, string? Problem)> ReadImageAsync(MediaUpload upload, CancellationToken cancellationToken)
    {
        if (upload.Content is null || upload.Length == 0)
        {
            return (null, [], "Choose an image file to upload.");
        }

        if (upload.Length > MediaFile.MaxBytes)
        {
            return (null, [], "The image is larger than 5 MB. Save it smaller, then upload it again.");
        }

        using var buffer = new MemoryStream();
        await upload.Content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var image = ImageFormat.Detect(bytes);
        if (image is null || image.Width <= 0 || image.Height <= 0)
        {
            return (null, [], "This file is not a JPEG, PNG or WebP image. Other files cannot be uploaded.");
        }

        if (!MediaFile.IsWithinPixelLimit(image.Width, image.Height))
        {
            // Refused from the header alone: nothing has decoded it yet, nothing is stored.
            return (null, [],
                $"This image is {image.Width:N0} × {image.Height:N0} pixels ({image.Pixels / 1_000_000.0:N1} megapixels); the site accepts up to {MediaFile.MaxPixels / 1_000_000:N0} megapixels. " +
                "Save it smaller (6,000 pixels wide is plenty for any page), then upload it again.");
        }

        if (ImageMetadata.Strip(bytes, image) is not { } stripped || !ImageVariants.DecoderReadsSize(stripped, image))
        {
            return (null, [], "This image could not be read. Open it in a photo editor, save it again as JPEG, PNG or WebP, then upload it.");
        }

        // Only the copy without metadata (GPS position, camera serial, comments) is ever stored.
        return (image, stripped, null);
    }

    // Not cancelled once started: a half-written image under a name no row knows would only take up room.
    private async Task<MediaFile> StoreAsync(byte[] bytes, DetectedImage image, string alt, ClaimsPrincipal actor)
    {
        // A random name: nothing the uploader chose reaches the file system.
        var storedName = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.{image.Extension}";
        await store.WriteAsync(storedName, bytes);
        var variants = ImageVariants.Make(bytes, image);
        foreach (var (width, variant) in variants)
        {
            await store.WriteAsync(MediaFile.VariantName(storedName, width), variant);
        }

        var media = new MediaFile
        {
            StoredName = storedName,
            ContentType = image.ContentType,
            SizeBytes = bytes.Length,
            Width = image.Width,
            Height = image.Height,
            Variants = string.Join(',', variants.Select(v => v.Width)),
            AltText = alt,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = actor.Identity?.Name ?? "",
        };
        db.MediaFiles.Add(media);
        audit.Add(actor, "Image uploaded", media.Url);
        await db.SaveChangesAsync(CancellationToken.None);
        return media;
    }

    [GeneratedRegex("^(?<hash>[0-9a-f]{32})(?:-(?<width>[1-9][0-9]{1,4}))?(?<ext>\\.(?:jpg|png|webp))$")]
    private static partial Regex StoredName();
}
