namespace PiriSite.Web.Services.Media;

/// <summary>
/// Strips metadata (GPS position, camera serial, XMP, comments) from originals uploaded before uploads were stripped,
/// once, as the site starts. Idempotent: a stripped file strips to the same bytes and is left alone, so it costs one
/// read of each original per start. The smaller copies never carried metadata (SkiaSharp writes none).
/// In Media:Store = Database mode it does nothing: every image there was stripped on its way in (uploaded since
/// uploads were stripped, or imported from the folder by <see cref="MediaStoreSwitch"/>, which strips originals),
/// and reading every original out of the database at each start of each instance would buy nothing. Should several
/// instances share one folder, one scrubs (under a <see cref="ClusterLock"/>) and the others skip it.
/// </summary>
public sealed partial class MediaMetadataScrub(
    IServiceScopeFactory scopes, IOptions<MediaOptions> options, ILogger<MediaMetadataScrub> logger) : IHostedService
{
    /// <summary>The image without its metadata, or null when it carries none (or is not an image this site reads).</summary>
    public static byte[]? Stripped(byte[] bytes) =>
        ImageFormat.Detect(bytes) is { } image && ImageMetadata.Strip(bytes, image) is { } stripped && !stripped.AsSpan().SequenceEqual(bytes)
            ? stripped
            : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Store != MediaStoreKind.Folder)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        await using var turn = await ClusterLock.TryTakeAsync(db, "media-metadata-scrub", cancellationToken);
        if (turn is null)
        {
            return;
        }

        var store = scope.ServiceProvider.GetRequiredService<IMediaStore>();
        var scrubbed = 0;
        foreach (var media in await db.MediaFiles.ToListAsync(cancellationToken))
        {
            byte[] bytes;
            await using (var stored = await store.OpenAsync(media.StoredName, cancellationToken))
            {
                if (stored is null)
                {
                    continue;
                }

                bytes = await stored.ReadAllBytesAsync(cancellationToken);
            }

            if (Stripped(bytes) is not { } stripped)
            {
                continue;
            }

            await store.WriteAsync(media.StoredName, stripped);
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
