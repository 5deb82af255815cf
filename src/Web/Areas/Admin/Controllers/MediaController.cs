using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Services.Media;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>Image uploads for articles and pages; <see cref="MediaLibraryService"/> checks and stores them.</summary>
[Route("admin/media")]
public sealed class MediaController(MediaLibraryService library) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken cancellationToken = default) =>
        View(await ScreenAsync(null, null, cancellationToken, q?.Trim(), page));

    /// <param name="keptUpload">The token of the image kept from the last try, used when no new file is chosen.</param>
    [HttpPost("")]
    [RequestSizeLimit(MediaFile.MaxBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MediaFile.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, string? altText, string? keptUpload, CancellationToken cancellationToken)
    {
        MediaUploadResult result;
        await using (var content = file?.OpenReadStream())
        {
            result = await library.UploadAsync(new MediaUpload(content, file?.Length ?? 0, altText, keptUpload), User, cancellationToken);
        }

        if (result.Uploaded is not { } media)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), await ScreenAsync(result.AltText, result.Kept, cancellationToken));
        }

        TempData["Message"] = $"Uploaded. To show it in a page, paste this into the text: {media.Markdown}";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The image kept after a form error, shown beside the form (only to staff, never under /media).</summary>
    [HttpGet("kept/{token}")]
    public async Task<IActionResult> Kept(string token, CancellationToken cancellationToken) =>
        await library.FindKeptAsync(token, cancellationToken) is { } kept ? File(kept.Content, kept.ContentType) : NotFound();

    // After a form error the library shows its first page, unsearched, under the form shown again.
    private async Task<MediaIndexViewModel> ScreenAsync(string? altText, KeptImage? kept, CancellationToken cancellationToken, string? search = null, int page = 1)
    {
        var found = await library.PageAsync(search, page, cancellationToken);
        return new(found.With(found.Rows.Select(MediaItemViewModel.From).ToList()), altText, kept) { Query = search };
    }
}
