namespace PiriSite.Web.Options;

/// <summary>
/// The in-memory cache of rendered public pages ("OutputCache" in configuration). Its size, not the amount of
/// content, bounds the memory pages take: past the limit the least used pages are dropped and rendered again on
/// their next visit (a body read from the database, a few milliseconds). With Redis (several instances) pages are
/// kept there instead and Redis's own maxmemory applies.
/// </summary>
public sealed class PageCacheOptions
{
    public const string SectionName = "OutputCache";

    /// <summary>
    /// Megabytes of cached pages at most (default 32: about 2,000 compressed article pages, or 500 uncompressed).
    /// Each page is stored once per encoding a visitor asked for (br, gzip, none).
    /// </summary>
    public int SizeLimitMB { get; set; } = 32;

    public long SizeLimitBytes => SizeLimitMB * 1024L * 1024L;
}
