using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Content;

namespace PiriSite.Data;

public static class MediaLookup
{
    /// <summary>The media library by public URL, for rendering pages' images with their sizes.</summary>
    public static async Task<IReadOnlyDictionary<string, MediaFile>> ImagesByUrlAsync(this SiteDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var images = await db.MediaFiles.AsNoTracking().ToListAsync(cancellationToken);
        return images.ToDictionary(image => image.Url, StringComparer.Ordinal);
    }
}
