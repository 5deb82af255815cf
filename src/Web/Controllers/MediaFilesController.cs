using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PiriSite.Data;
using PiriSite.Web.Areas.Admin.Controllers;
using PiriSite.Web.Options;

namespace PiriSite.Web.Controllers;

/// <summary>Serves uploaded images. Names are random and never reused, so a year of caching is safe.</summary>
[Route("media")]
public sealed partial class MediaFilesController(SiteDbContext db, IOptions<SiteOptions> options, IWebHostEnvironment environment) : Controller
{
    [HttpGet("{name}")]
    [ResponseCache(Duration = 31_536_000, Location = ResponseCacheLocation.Any)]
    public async Task<IActionResult> Show(string name)
    {
        // Only names this site made: no path can be smuggled in. A smaller copy is NAME-WIDTH.EXT.
        var match = StoredName().Match(name);
        if (!match.Success)
        {
            return NotFound();
        }

        var original = match.Groups["hash"].Value + match.Groups["ext"].Value;
        var width = match.Groups["width"].Success ? match.Groups["width"].Value : null;
        var media = await db.MediaFiles.AsNoTracking().SingleOrDefaultAsync(m => m.StoredName == original);
        var path = Path.Combine(MediaController.MediaDirectory(options.Value, environment), name);
        var known = media is not null && (width is null || media.VariantWidths.Any(w => w.ToString(System.Globalization.CultureInfo.InvariantCulture) == width));
        return !known || !System.IO.File.Exists(path) ? NotFound() : PhysicalFile(path, media!.ContentType);
    }

    [GeneratedRegex("^(?<hash>[0-9a-f]{32})(?:-(?<width>[1-9][0-9]{1,4}))?(?<ext>\\.(?:jpg|png|webp))$")]
    private static partial Regex StoredName();
}
