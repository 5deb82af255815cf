namespace PiriSite.Web.Options;

public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>
    /// The site's public address, such as "https://www.pirilawfirm.com", used for canonical links.
    /// When empty, the address the request came in on is used (right for local runs and tests).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Serve public pages from the output cache (on unless turned off). Off renders every page on every request:
    /// for measuring rendering (bench/run.sh) or looking into a problem, never needed otherwise.
    /// </summary>
    public bool CachePublicPages { get; set; } = true;

    /// <summary>Where the data-protection keys live (they sign antiforgery tokens and, later, sign-in cookies).</summary>
    public string DataProtectionKeysPath { get; set; } = "App_Data/keys";

    /// <summary>Where uploaded images are stored (served at /media/NAME).</summary>
    public string MediaPath { get; set; } = "App_Data/media";
}
