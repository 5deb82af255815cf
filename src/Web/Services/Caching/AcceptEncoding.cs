using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace PiriSite.Web.Services.Caching;

/// <summary>
/// Reduces a request's Accept-Encoding to the one coding the site would answer with: "br", "gzip" or "identity".
/// The page cache keeps a copy per Accept-Encoding value, so a raw header (any text a client likes) would let each
/// made-up value render, compress and store the page again, pushing real pages out. The choice follows
/// ResponseCompression's own (highest q wins, q=0 refuses, "*" stands for every coding, ties go to Brotli, then
/// gzip, then no compression), so the rewritten header makes it pick exactly what it would have picked.
/// </summary>
public static class AcceptEncoding
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";
    public const string Identity = "identity";

    public static string Normalise(StringValues header)
    {
        if (StringValues.IsNullOrEmpty(header)
            || !StringWithQualityHeaderValue.TryParseList(header, out var codings)
            || codings.Count == 0)
        {
            return Identity;
        }

        // Like ResponseCompression, the first mention of a coding counts; a later one with another q does not.
        double? brotli = null, gzip = null, identity = null;
        foreach (var coding in codings)
        {
            var quality = coding.Quality.GetValueOrDefault(1);
            if (quality < double.Epsilon)
            {
                continue;
            }

            var name = coding.Value;
            if (StringSegment.Equals(name, Brotli, StringComparison.OrdinalIgnoreCase))
            {
                brotli ??= quality;
            }
            else if (StringSegment.Equals(name, Gzip, StringComparison.OrdinalIgnoreCase))
            {
                gzip ??= quality;
            }
            else if (StringSegment.Equals(name, "*", StringComparison.Ordinal))
            {
                brotli ??= quality;
                gzip ??= quality;
                break;
            }
            else if (StringSegment.Equals(name, Identity, StringComparison.OrdinalIgnoreCase))
            {
                identity ??= quality;
            }
        }

        // The highest quality wins; on a tie the one considered first (Brotli, then gzip, then identity). With no
        // acceptable coding at all, the page goes uncompressed.
        string? best = null;
        var bestQuality = 0.0;
        foreach (var (name, quality) in new[] { (Brotli, brotli), (Gzip, gzip), (Identity, identity) })
        {
            if (quality is { } value && (best is null || value > bestQuality))
            {
                (best, bestQuality) = (name, value);
            }
        }

        return best ?? Identity;
    }
}
