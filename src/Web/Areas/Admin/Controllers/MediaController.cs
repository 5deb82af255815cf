using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PiriSite.Data;
using PiriSite.Domain.Content;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Options;
using PiriSite.Web.Services;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>Image uploads for articles and pages: JPEG, PNG or WebP up to 5 MB and 40 megapixels, checked from their content, stored without their metadata.</summary>
[Route("admin/media")]
public sealed class MediaController(
    SiteDbContext db,
    IOptions<SiteOptions> options,
    IWebHostEnvironment environment,
    AuditLog audit,
    TimeProvider clock) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(new MediaScreen(await RecentAsync(), null));

    [HttpPost("")]
    [RequestSizeLimit(MediaFile.MaxBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MediaFile.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, string? altText)
    {
        var alt = altText?.Trim() ?? "";
        if (alt.Length == 0)
        {
            ModelState.AddModelError("altText", "Describe the image for people who cannot see it (alt text).");
        }
        else if (alt.Length > MediaFile.AltTextMaxLength)
        {
            ModelState.AddModelError("altText", $"Keep the alt text to {MediaFile.AltTextMaxLength} characters or fewer.");
        }

        DetectedImage? image = null;
        byte[] bytes = [];
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Choose an image file to upload.");
        }
        else if (file.Length > MediaFile.MaxBytes)
        {
            ModelState.AddModelError("file", "The image is larger than 5 MB. Save it smaller, then upload it again.");
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            bytes = buffer.ToArray();
            image = ImageFormat.Detect(bytes);
            if (image is null || image.Width <= 0 || image.Height <= 0)
            {
                ModelState.AddModelError("file", "This file is not a JPEG, PNG or WebP image. Other files cannot be uploaded.");
            }
            else if (!MediaFile.IsWithinPixelLimit(image.Width, image.Height))
            {
                // Refused from the header alone: nothing has decoded it yet, nothing is stored.
                ModelState.AddModelError("file",
                    $"This image is {image.Width:N0} × {image.Height:N0} pixels ({image.Pixels / 1_000_000.0:N1} megapixels); the site accepts up to {MediaFile.MaxPixels / 1_000_000:N0} megapixels. " +
                    "Save it smaller (6,000 pixels wide is plenty for any page), then upload it again.");
                image = null;
            }
            else if (ImageMetadata.Strip(bytes, image) is not { } stripped || !ImageVariants.DecoderReadsSize(stripped, image))
            {
                ModelState.AddModelError("file", "This image could not be read. Open it in a photo editor, save it again as JPEG, PNG or WebP, then upload it.");
                image = null;
            }
            else
            {
                // Only the copy without metadata (GPS position, camera serial, comments) is ever stored.
                bytes = stripped;
            }
        }

        if (!ModelState.IsValid || image is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), new MediaScreen(await RecentAsync(), alt));
        }

        // A random name: nothing the uploader chose reaches the file system.
        var storedName = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.{image.Extension}";
        var directory = MediaDirectory(options.Value, environment);
        Directory.CreateDirectory(directory);
        await System.IO.File.WriteAllBytesAsync(Path.Combine(directory, storedName), bytes);
        var variants = ImageVariants.Make(bytes, image);
        foreach (var (width, variant) in variants)
        {
            await System.IO.File.WriteAllBytesAsync(Path.Combine(directory, MediaFile.VariantName(storedName, width)), variant);
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
            UploadedBy = User.Identity?.Name ?? "",
        };
        db.MediaFiles.Add(media);
        await db.SaveChangesAsync();
        await audit.RecordAsync(User, "Image uploaded", media.Url);
        TempData["Message"] = $"Uploaded. To show it in a page, paste this into the text: {media.Markdown}";
        return RedirectToAction(nameof(Index));
    }

    public static string MediaDirectory(SiteOptions options, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        return Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.MediaPath));
    }

    private Task<List<MediaFile>> RecentAsync() =>
        db.MediaFiles.AsNoTracking().OrderByDescending(m => m.Id).Take(100).ToListAsync();
}
