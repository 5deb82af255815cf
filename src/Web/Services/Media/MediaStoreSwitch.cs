namespace PiriSite.Web.Services.Media;

/// <summary>
/// A site that changes Media:Store keeps its images. As it starts, the configured store gets the library's images
/// that only the other one holds:
/// Database: every original and copy that a MediaFiles row names, found in the media folder (Site:MediaPath) but
/// not in the MediaBlobs table, is copied in, originals losing any metadata on the way (<see cref="MediaMetadataScrub"/>
/// does not read the database). Folder: every image in the table that the folder lacks is written out (a switch
/// back, or a Database site's backup restored onto a Folder site).
/// Idempotent, and safe on several instances starting at once (a row another instance stored first is skipped). Once
/// everything is across, a start lists names and reads no image. The source is left as it was: delete the folder
/// once the site serves its images from the database. Images kept for a retry are not copied (they expire within the hour).
/// </summary>
public sealed partial class MediaStoreSwitch(
    IServiceScopeFactory scopes, MediaFolder folder, IOptions<MediaOptions> options, ILogger<MediaStoreSwitch> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<IMediaStore>();
        var copied = options.Value.Store == MediaStoreKind.Database
            ? await ImportFolderAsync(db, store, cancellationToken)
            : await ExportDatabaseAsync(db, store, cancellationToken);
        if (copied > 0)
        {
            LogCopied(logger, copied, options.Value.Store);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<int> ImportFolderAsync(SiteDbContext db, IMediaStore store, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder.Path))
        {
            return 0;
        }

        var stored = (await db.MediaBlobs.Select(b => b.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var imported = 0;
        foreach (var media in await db.MediaFiles.ToListAsync(cancellationToken))
        {
            foreach (var name in (string[])[media.StoredName, .. media.VariantWidths.Select(width => MediaFile.VariantName(media.StoredName, width))])
            {
                var path = folder.PathOf(name);
                if (stored.Contains(name) || !File.Exists(path))
                {
                    continue;
                }

                var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
                if (name == media.StoredName && MediaMetadataScrub.Stripped(bytes) is { } stripped)
                {
                    bytes = stripped;
                    media.SizeBytes = stripped.Length;
                }

                try
                {
                    // Saves the row's new size with it, when stripping changed it.
                    await store.WriteAsync(name, bytes);
                    imported++;
                }
                catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
                {
                    // Another instance starting at the same moment stored it first.
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return imported;
    }

    private static async Task<int> ExportDatabaseAsync(SiteDbContext db, IMediaStore store, CancellationToken cancellationToken)
    {
        var names = await db.MediaBlobs.Where(b => !b.Name.StartsWith(MediaBlob.PendingPrefix)).Select(b => b.Name).ToListAsync(cancellationToken);
        var exported = 0;
        foreach (var name in names.Where(MediaStoreNames.IsValid))
        {
            await using (var existing = await store.OpenAsync(name, cancellationToken))
            {
                if (existing is not null)
                {
                    continue;
                }
            }

            // One image at a time: never the whole table in memory.
            var bytes = await db.MediaBlobs.Where(b => b.Name == name).Select(b => b.Bytes).SingleAsync(cancellationToken);
            await store.WriteAsync(name, bytes);
            exported++;
        }

        return exported;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Copied {Count} image(s) into the media store now configured (Media:Store = {Store})")]
    private static partial void LogCopied(ILogger logger, int count, MediaStoreKind store);
}
