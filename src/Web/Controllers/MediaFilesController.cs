using PiriSite.Web.Services.Media;

namespace PiriSite.Web.Controllers;

/// <summary>
/// Serves uploaded images, from whichever store Media:Store names, with the same headers either way (type,
/// Last-Modified, a year's caching). Names are random and never reused, so a year of caching is safe.
/// </summary>
[Route("media")]
public sealed class MediaFilesController(MediaLibraryService library) : Controller
{
    [HttpGet("{name}")]
    [ResponseCache(Duration = 31_536_000, Location = ResponseCacheLocation.Any)]
    public async Task<IActionResult> Show(string name, CancellationToken cancellationToken)
    {
        var file = await library.FindAsync(name, cancellationToken);
        return file is null ? NotFound() : new FileStreamResult(file.Content, file.ContentType) { LastModified = file.LastModified };
    }
}
