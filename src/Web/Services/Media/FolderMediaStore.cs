namespace PiriSite.Web.Services.Media;

/// <summary>
/// The media library as files in <see cref="MediaFolder"/> (Media:Store = Folder, the default): the images flat in
/// it, the ones kept for a retry in its pending/ subfolder. A file's last-write time is when it was written.
/// </summary>
public sealed class FolderMediaStore(MediaFolder folder, TimeProvider clock) : IMediaStore
{
    public async Task WriteAsync(string name, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Written beside it, then moved over it: a crash leaves the old file or the new one, never half of one.
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.writing");
        await File.WriteAllBytesAsync(temporary, bytes, CancellationToken.None);
        File.SetLastWriteTimeUtc(temporary, clock.GetUtcNow().UtcDateTime);
        File.Move(temporary, path, overwrite: true);
    }

    public Task<StoredMedia?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true);
            return Task.FromResult<StoredMedia?>(new StoredMedia(stream, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero)));
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<StoredMedia?>(null);
        }
    }

    public Task TouchAsync(string name)
    {
        var path = PathOf(name);
        if (File.Exists(path))
        {
            File.SetLastWriteTimeUtc(path, clock.GetUtcNow().UtcDateTime);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string name)
    {
        var path = PathOf(name);
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is DirectoryNotFoundException or IOException)
        {
            // Never there, or being read at this moment: a kept image is swept again by the next upload.
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredMediaEntry>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var directory = Path.Combine(folder.Path, prefix);
        IReadOnlyList<StoredMediaEntry> entries = Directory.Exists(directory)
            ? [.. new DirectoryInfo(directory).GetFiles()
                .Select(file => new StoredMediaEntry(prefix + file.Name, file.LastWriteTimeUtc))
                .Where(entry => MediaStoreNames.IsValid(entry.Name))]
            : [];
        return Task.FromResult(entries);
    }

    private string PathOf(string name) => folder.PathOf(MediaStoreNames.Checked(name));
}
