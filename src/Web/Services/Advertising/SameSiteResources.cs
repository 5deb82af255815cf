using System.Net;

namespace PiriSite.Web.Services.Advertising;

/// <summary>
/// The site's own files (stylesheets, images, fonts) fetched for one snapshot through the loopback client, each
/// once. Only addresses on the public origin are fetched: anything else is another site's, left as a link.
/// </summary>
internal sealed class SameSiteResources(HttpClient client, Uri publicOrigin, CancellationToken cancellationToken)
{
    private readonly Dictionary<Uri, Resource?> _fetched = [];

    public sealed record Resource(byte[] Bytes, string ContentType)
    {
        public string DataUri => $"data:{ContentType};base64,{Convert.ToBase64String(Bytes)}";
    }

    /// <summary>Whether <paramref name="url"/> (absolute) is on the site's public origin.</summary>
    public bool IsSameSite(Uri url) =>
        (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && string.Equals(url.Authority, publicOrigin.Authority, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The file at <paramref name="url"/> when it is the site's own, answers 200 and is at most
    /// <paramref name="maxBytes"/> long; null otherwise.
    /// </summary>
    public async Task<Resource?> GetAsync(Uri url, int maxBytes)
    {
        if (!IsSameSite(url))
        {
            return null;
        }

        if (_fetched.TryGetValue(url, out var known))
        {
            return known is not null && known.Bytes.Length <= maxBytes ? known : null;
        }

        using var response = await client.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Resource? resource = null;
        if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentLength is not > PageSnapshotter.MaxImageBytes)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var type = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            resource = bytes.Length <= PageSnapshotter.MaxImageBytes ? new Resource(bytes, type) : null;
        }

        _fetched[url] = resource;
        return resource is not null && resource.Bytes.Length <= maxBytes ? resource : null;
    }
}
