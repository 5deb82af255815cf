using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PiriSite.Web.Services.Media;

/// <summary>
/// An image that passed every check but came with a form error (no alt text, say), kept for the retry: a browser
/// cannot put a chosen file back in a file input, and choosing it again on a phone means another trip through the
/// photo library. Only the checked copy without metadata is kept, under a random token that the form carries, in
/// the media store as "pending/TOKEN" (never served as /media): with Media:Store = Database the retry finds it
/// whichever instance it reaches. Kept an hour at most, and at most <see cref="MaxKept"/> at a time (about 100 MB
/// at 5 MB each); every upload clears out what is older or beyond.
/// </summary>
public sealed partial class PendingUploads(IMediaStore store, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public const int MaxKept = 20;

    /// <summary>Keeps the checked bytes; returns the token the form carries to the retry.</summary>
    public async Task<string> KeepAsync(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await store.WriteAsync(NameOf(token), bytes);
        return token;
    }

    /// <summary>The kept bytes for <paramref name="token"/>, or null when it is not one this class made or has expired.</summary>
    public async Task<byte[]?> ReadAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!IsToken(token))
        {
            return null;
        }

        await using var kept = await store.OpenAsync(NameOf(token!), cancellationToken);
        return kept is null || IsExpired(kept.WrittenAt.UtcDateTime) ? null : await kept.ReadAllBytesAsync(cancellationToken);
    }

    /// <summary>Keeps <paramref name="token"/> for another <see cref="Lifetime"/>: the person is still at the form.</summary>
    public async Task TouchAsync(string token)
    {
        if (IsToken(token))
        {
            await store.TouchAsync(NameOf(token));
        }
    }

    public async Task RemoveAsync(string? token)
    {
        if (IsToken(token))
        {
            await store.DeleteAsync(NameOf(token!));
        }
    }

    /// <summary>Deletes what has expired, then the oldest beyond <see cref="MaxKept"/>.</summary>
    public async Task SweepAsync()
    {
        var kept = (await store.ListAsync(MediaBlob.PendingPrefix)).OrderByDescending(entry => entry.WrittenAt).ToList();
        foreach (var (entry, index) in kept.Select((entry, index) => (entry, index)))
        {
            if (index >= MaxKept || IsExpired(entry.WrittenAt))
            {
                await store.DeleteAsync(entry.Name);
            }
        }
    }

    private bool IsExpired(DateTime writtenAt) => clock.GetUtcNow().UtcDateTime - writtenAt > Lifetime;

    private static string NameOf(string token) => MediaBlob.PendingPrefix + token;

    // Only names this class makes are ever opened: nothing from the form reaches the store as a name of its own.
    private static bool IsToken(string? token) => token is not null && Token().IsMatch(token);

    [GeneratedRegex("\\A[0-9a-f]{32}\\z")]
    private static partial Regex Token();
}
