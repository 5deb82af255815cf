namespace PiriSite.Web.Options;

public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>
    /// The site's public address, such as "https://www.pirilawfirm.com": the only origin of every absolute URL the
    /// site writes (the intake email's link, canonical links, sitemap, robots.txt, feed, JSON-LD, the social card)
    /// and the host name requests must carry (AllowedHosts). Required: the site refuses to start without it
    /// (<see cref="SiteOptionsValidator"/>); Development gets http://localhost:5080 from appsettings.Development.json.
    /// Never taken from the request: a forged Host header would otherwise put an attacker's address in staff email.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The public address without a trailing slash ("https://www.example.com"), to put a path after.</summary>
    public string PublicOrigin => (PublicBaseUrl ?? "").Trim().TrimEnd('/');

    /// <summary>
    /// Serve public pages from the output cache (on unless turned off). Off renders every page on every request:
    /// for measuring rendering (bench/run.sh) or looking into a problem, never needed otherwise.
    /// </summary>
    public bool CachePublicPages { get; set; } = true;

    /// <summary>
    /// URLs per sitemap file: each language's sitemap is split into parts past this (the protocol allows at most
    /// 50,000 URLs and 50 MB per file; a page here with its alternates is under 1 KB).
    /// </summary>
    public int SitemapUrlLimit { get; set; } = SitemapProtocolLimit;

    public const int SitemapProtocolLimit = 50_000;

    /// <summary>
    /// Where earlier versions kept the data-protection keys as files: imported into the database once at start
    /// (the keys now live in the database; see DataProtectionExtensions).
    /// </summary>
    public string DataProtectionKeysPath { get; set; } = "App_Data/keys";

    /// <summary>Where uploaded images are stored (served at /media/NAME) with Media:Store = Folder, the default (see <see cref="MediaOptions"/>).</summary>
    public string MediaPath { get; set; } = "App_Data/media";

    /// <summary>
    /// This instance's name in logs and in the outbox's claims, when several run behind a proxy (web-a, web-b).
    /// Empty: the machine's name and the process id.
    /// </summary>
    public string? InstanceName { get; set; }
}
