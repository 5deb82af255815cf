namespace PiriSite.Web.Services.Media;

/// <summary>
/// Strips metadata (GPS position, camera serial, XMP, comments) from originals uploaded before uploads were stripped,
/// once, as the site starts. Idempotent: a stripped file strips to the same bytes and is left alone, so it costs one
/// read of each original per start. The smaller copies never carried metadata (SkiaSharp writes none). With several
/// instances starting together, one scrubs (under a <see cref="ClusterLock"/>) and the others skip it, so no two write
/// the same file at once.
/// </summary>
public sealed partial class MediaMetadataScrub(
    IServiceScopeFactory scopes, MediaFolder folder, ILogger<MediaMetadataScrub> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        await using var turn = await ClusterLock.TryTakeAsync(db, "media-metadata-scrub", cancellationToken);
        if (turn is null)
        {
            return;
        }

        var scrubbed = 0;
        foreach (var media in await db.MediaFiles.ToListAsync(cancellationToken))
        {
            var path = folder.PathOf(media.StoredName);
            if (!File.Exists(path))
            {
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            if (ImageFormat.Detect(bytes) is not { } image || ImageMetadata.Strip(bytes, image) is not { } stripped
                || stripped.AsSpan().SequenceEqual(bytes))
            {
                continue;
            }

            // Written beside it, then moved over it: a crash leaves the old file or the new one, never half of one.
            var temporary = path + ".scrub";
            await File.WriteAllBytesAsync(temporary, stripped, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            media.SizeBytes = stripped.Length;
            scrubbed++;
        }

        if (scrubbed > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            LogScrubbed(logger, scrubbed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed metadata from {Count} image(s) uploaded before uploads were stripped")]
    private static partial void LogScrubbed(ILogger logger, int count);
}
