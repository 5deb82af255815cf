namespace PiriSite.Web.Extensions;

public static class HttpRequestExtensions
{
    /// <summary>
    /// True when a browser says another site's page sent this request: by <c>Sec-Fetch-Site</c> (every current
    /// browser) or, from older ones, by an <c>Origin</c> on another host. The request's Host is a fair yardstick:
    /// host filtering has already refused any name but the public address's and the configured AllowedHosts.
    /// </summary>
    public static bool IsCrossSite(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return string.Equals(fetchSite, "cross-site", StringComparison.OrdinalIgnoreCase);
        }

        var origin = request.Headers.Origin.ToString();
        return Uri.TryCreate(origin, UriKind.Absolute, out var originUri)
            && !string.Equals(originUri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The one address search engines should index this page under: the configured public origin (never the
    /// request's Host), the path in lower case without a trailing slash (but "/"), no query string.
    /// </summary>
    public static string CanonicalUrl(this HttpRequest request, SiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);

        var origin = options.PublicOrigin;
        var path = (request.PathBase + request.Path).Value ?? "/";
        // "/es/" and "/es" are one page; the hreflang links and the sitemap name it without the slash.
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path.TrimEnd('/');
        }

#pragma warning disable CA1308 // URLs on this site are lower-case by design (LowercaseUrls); this is not a security comparison.
        return origin + path.ToLowerInvariant();
#pragma warning restore CA1308
    }

    public static bool IsUnder(this HttpRequest request, string section)
    {
        ArgumentNullException.ThrowIfNull(request);
        return section == "/"
            ? request.Path == "/"
            : request.Path.StartsWithSegments(section, StringComparison.OrdinalIgnoreCase);
    }
}
