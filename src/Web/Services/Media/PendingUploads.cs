using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PiriSite.Web.Services.Media;

/// <summary>
/// An image that passed every check but came with a form error (no alt text, say), kept for the retry: a browser
/// cannot put a chosen file back in a file input, and choosing it again on a phone means another trip through the
/// photo library. Only the checked copy without metadata is kept, under a random token that the form carries, in
/// a folder of its own beside the library (never served as /media). Kept an hour at most, and at most
/// <see cref="MaxKept"/> at a time (about 100 MB at 5 MB each); every upload clears out what is older or beyond.
/// </summary>
public sealed partial class PendingUploads(MediaFolder folder, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public const int MaxKept = 20;

    public string Path => System.IO.Path.Combine(folder.Path, "pending");

    /// <summary>Keeps the checked bytes; returns the token the form carries to the retry.</summary>
    public async Task<string> KeepAsync(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Directory.CreateDirectory(Path);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await File.WriteAllBytesAsync(PathOf(token), bytes, CancellationToken.None);
        File.SetLastWriteTimeUtc(PathOf(token), clock.GetUtcNow().UtcDateTime);
        return token;
    }

    /// <summary>The kept bytes for <paramref name="token"/>, or null when it is not one this class made or has expired.</summary>
    public async Task<byte[]?> ReadAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!IsToken(token) || !File.Exists(PathOf(token!)) || IsExpired(PathOf(token!)))
        {
            return null;
        }

        return await File.ReadAllBytesAsync(PathOf(token!), cancellationToken);
    }

    /// <summary>The kept file's path for a preview, or null (see <see cref="ReadAsync"/>).</summary>
    public string? Find(string? token) =>
        IsToken(token) && File.Exists(PathOf(token!)) && !IsExpired(PathOf(token!)) ? PathOf(token!) : null;

    /// <summary>Keeps <paramref name="token"/> for another <see cref="Lifetime"/>: the person is still at the form.</summary>
    public void Touch(string token)
    {
        if (IsToken(token) && File.Exists(PathOf(token)))
        {
            File.SetLastWriteTimeUtc(PathOf(token), clock.GetUtcNow().UtcDateTime);
        }
    }

    public void Remove(string? token)
    {
        if (IsToken(token))
        {
            File.Delete(PathOf(token!));
        }
    }

    /// <summary>Deletes what has expired, then the oldest beyond <see cref="MaxKept"/>.</summary>
    public void Sweep()
    {
        if (!Directory.Exists(Path))
        {
            return;
        }

        var kept = new DirectoryInfo(Path).GetFiles().OrderByDescending(f => f.LastWriteTimeUtc).ToList();
        foreach (var (file, index) in kept.Select((file, index) => (file, index)))
        {
            if (index >= MaxKept || IsExpired(file.FullName) || !IsToken(file.Name))
            {
                try
                {
                    file.Delete();
                }
                catch (IOException)
                {
                    // Being read by a retry at this moment: the next sweep takes it.
                }
            }
        }
    }

    private bool IsExpired(string path) => clock.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(path) > Lifetime;

    private string PathOf(string token) => System.IO.Path.Combine(Path, token);

    // Only names this class makes are ever opened: nothing from the form reaches the file system as a path.
    private static bool IsToken(string? token) => token is not null && Token().IsMatch(token);

    [GeneratedRegex("\\A[0-9a-f]{32}\\z")]
    private static partial Regex Token();
}
