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
        // Only names this site made: no path can be smuggled in.
        if (!StoredName().IsMatch(name))
        {
            return NotFound();
        }

        var media = await db.MediaFiles.AsNoTracking().SingleOrDefaultAsync(m => m.StoredName == name);
        var path = Path.Combine(MediaController.MediaDirectory(options.Value, environment), name);
        return media is null || !System.IO.File.Exists(path) ? NotFound() : PhysicalFile(path, media.ContentType);
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.(jpg|png|webp)$")]
    private static partial Regex StoredName();
}
