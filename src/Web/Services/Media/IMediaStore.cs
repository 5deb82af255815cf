namespace PiriSite.Web.Services.Media;

/// <summary>A stored file opened for reading: its bytes (the caller disposes the stream) and when they were written.</summary>
public sealed record StoredMedia(Stream Content, DateTimeOffset WrittenAt) : IAsyncDisposable
{
    public async Task<byte[]> ReadAllBytesAsync(CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await Content.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>A stored file's name and when it was written, listed without its bytes.</summary>
public sealed record StoredMediaEntry(string Name, DateTime WrittenAt);

/// <summary>
/// Where the media library's bytes live, chosen by Media:Store: files in the media folder
/// (<see cref="FolderMediaStore"/>, one instance) or rows of the database (<see cref="DatabaseMediaStore"/>, shared by
/// every instance behind a proxy). Names are the ones the site makes: "NAME.EXT", "NAME-WIDTH.EXT" and
/// "pending/TOKEN" (<see cref="MediaStoreNames"/>); nothing from a request reaches a store unchecked.
/// </summary>
public interface IMediaStore
{
    /// <summary>Stores <paramref name="bytes"/> under <paramref name="name"/>, replacing what was there, as written now.</summary>
    Task WriteAsync(string name, byte[] bytes);

    /// <summary>The stored file, or null when there is none.</summary>
    Task<StoredMedia?> OpenAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Marks the stored file as written now (an image kept for a retry lives another hour).</summary>
    Task TouchAsync(string name);

    /// <summary>Deletes the stored file, if there is one.</summary>
    Task DeleteAsync(string name);

    /// <summary>The stored files whose names start with <paramref name="prefix"/> ("pending/"), without their bytes.</summary>
    Task<IReadOnlyList<StoredMediaEntry>> ListAsync(string prefix, CancellationToken cancellationToken = default);
}
