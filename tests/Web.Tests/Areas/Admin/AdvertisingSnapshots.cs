using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using PiriSite.Domain.Advertising;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>Archived pages made the way the capture worker makes them (Brotli-compressed HTML, readable text), saved directly.</summary>
public static class AdvertisingSnapshots
{
    public static string HashOf(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static byte[] Compress(string html)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest))
        {
            brotli.Write(Encoding.UTF8.GetBytes(html));
        }

        return output.ToArray();
    }

    /// <summary>An article's snapshot, captured unless <paramref name="text"/> is null; its id.</summary>
    public static async Task<long> AddAsync(SiteFactory factory, string articleKey, string culture, DateTime publishedAt, string? text,
        string? previousText = null, string title = "An archived article", string reason = "Article published")
    {
        var snapshot = AdvertisingSnapshot.Queue(AdvertisedPageKind.Article, articleKey, culture, publishedAt, null, "Test Attorney", reason);
        if (text is not null)
        {
            snapshot.Capture(publishedAt.AddMinutes(1), $"/{culture}/articles/{articleKey}", title, Compress(HtmlOf(culture, title, text)), text, HashOf(text),
                previousText is null ? null : HashOf(previousText));
        }

        await using var scope = factory.CreateDbScope();
        scope.Db.AdvertisingSnapshots.Add(snapshot);
        await scope.Db.SaveChangesAsync();
        return snapshot.Id;
    }

    /// <summary>Noon in the firm's time <paramref name="daysAgo"/> firm days ago, in UTC: far from midnight, whatever the clocks do.</summary>
    public static DateTime FirmNoon(int daysAgo)
    {
        var today = DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(DateTime.UtcNow));
        return TimeZoneInfo.ConvertTimeToUtc(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(12, 0)), FirmTimeZone.Value);
    }

    /// <summary>The exact HTML <see cref="AddAsync"/> stored.</summary>
    public static string HtmlOf(string culture, string title, string text) =>
        $"<!DOCTYPE html><html lang=\"{culture}\"><head><title>{title}</title><style>body{{color:#123}}</style></head><body><h1>{title}</h1><p>{text}</p><script>alert(1)</script></body></html>";
}
