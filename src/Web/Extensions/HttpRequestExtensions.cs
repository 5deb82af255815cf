using PiriSite.Web.Options;

namespace PiriSite.Web.Extensions;

public static class HttpRequestExtensions
{
    /// <summary>The one address search engines should index this page under: lower-case, no query string.</summary>
    public static string CanonicalUrl(this HttpRequest request, SiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);

        var origin = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}"
            : options.PublicBaseUrl.TrimEnd('/');
        var path = (request.PathBase + request.Path).Value ?? "/";
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
