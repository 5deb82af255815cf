namespace PiriSite.Web.Services.Media;

/// <summary>
/// The media library as rows of MediaBlobs (Media:Store = Database), so that an image stored by one instance of the
/// site is served by every other. Each call reads or writes one row by its key; only <see cref="ListAsync"/> reads
/// several, and it reads their names and times, never their bytes.
/// </summary>
public sealed class DatabaseMediaStore(SiteDbContext db, TimeProvider clock) : IMediaStore
{
    // Writes save at once, through the caller's DbContext: callers store bytes before they change any row, so this
    // save carries nothing else. The new row is let go after, so its bytes are not held until the request ends.
    public async Task WriteAsync(string name, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var now = clock.GetUtcNow().UtcDateTime;
        var replaced = await db.MediaBlobs.Where(b => b.Name == name)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.Bytes, bytes).SetProperty(b => b.WrittenAt, now), CancellationToken.None);
        if (replaced > 0)
        {
            return;
        }

        var blob = new MediaBlob { Name = MediaStoreNames.Checked(name), Bytes = bytes, WrittenAt = now };
        db.MediaBlobs.Add(blob);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        finally
        {
            db.Entry(blob).State = EntityState.Detached;
        }
    }

    public async Task<StoredMedia?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        var stored = await db.MediaBlobs.AsNoTracking().Where(b => b.Name == name)
            .Select(b => new { b.Bytes, b.WrittenAt }).SingleOrDefaultAsync(cancellationToken);
        return stored is null ? null
            : new StoredMedia(new MemoryStream(stored.Bytes, writable: false), new DateTimeOffset(DateTime.SpecifyKind(stored.WrittenAt, DateTimeKind.Utc)));
    }

    public async Task TouchAsync(string name)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.MediaBlobs.Where(b => b.Name == name).ExecuteUpdateAsync(set => set.SetProperty(b => b.WrittenAt, now), CancellationToken.None);
    }

    public async Task DeleteAsync(string name) =>
        await db.MediaBlobs.Where(b => b.Name == name).ExecuteDeleteAsync(CancellationToken.None);

    public async Task<IReadOnlyList<StoredMediaEntry>> ListAsync(string prefix, CancellationToken cancellationToken = default) =>
        await db.MediaBlobs.AsNoTracking().Where(b => b.Name.StartsWith(prefix))
            .Select(b => new StoredMediaEntry(b.Name, b.WrittenAt)).ToListAsync(cancellationToken);
}
