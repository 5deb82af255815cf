using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PiriSite.Web.Services.Advertising;

/// <summary>A captured page: one self-contained HTML file (Brotli-compressed), its title and its readable text.</summary>
public sealed record PageSnapshot(string Title, byte[] Html, string Text, string TextHash);

/// <summary>
/// Takes a public page as the public is served it, through the site itself (the output cache included: a publication
/// has already evicted what it changed), and makes it one file that needs nothing else: stylesheets become
/// &lt;style&gt; with their fonts and images inside, images become data: addresses, scripts are gone, and every
/// remaining link names the public address. Capture details go in a meta tag only: the page itself is untouched.
/// </summary>
public sealed partial class PageSnapshotter(IHttpClientFactory clients, IOptions<SiteOptions> site, TimeProvider clock)
{
    /// <summary>An image larger than this stays a link to the public address.</summary>
    public const int MaxImageBytes = 2 * 1024 * 1024;

    /// <summary>A font or image a stylesheet refers to, larger than this, stays a link to the public address.</summary>
    public const int MaxStylesheetResourceBytes = 200 * 1024;

    /// <summary>
    /// The page at <paramref name="path"/>. A page that does not answer 200 throws <see cref="HttpRequestException"/>
    /// with its status, as does a stylesheet of the site's own that cannot be fetched (a page without its styles is
    /// not the page the public saw): the caller tries again later.
    /// </summary>
    public async Task<PageSnapshot> TakeAsync(string path, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(SiteLoopback.ClientName);
        var publicOrigin = new Uri(site.Value.PublicOrigin + "/");
        var pageUrl = new Uri(publicOrigin, path);
        using var response = await client.GetAsync(new Uri(pageUrl.PathAndQuery, UriKind.Relative), cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"The page answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(cancellationToken), cancellationToken);
        var text = SnapshotText.Of(document);
        var resources = new SameSiteResources(client, publicOrigin, cancellationToken);
        SnapshotCleanup.RemoveActiveContent(document);
        await InlineStylesheetsAsync(document, pageUrl, resources);
        await InlineImagesAsync(document, pageUrl, resources);
        SnapshotCleanup.MakeLinksAbsolute(document, pageUrl, resources);
        AddArchiveNote(document, pageUrl);
        return new PageSnapshot(document.Title ?? "", Compress(document.ToHtml()), text, SnapshotText.Hash(text));
    }

    public static string Decompress(byte[] html)
    {
        using var brotli = new BrotliStream(new MemoryStream(html), CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static byte[] Compress(string html)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Optimal))
        {
            brotli.Write(Encoding.UTF8.GetBytes(html));
        }

        return output.ToArray();
    }

    private static async Task InlineStylesheetsAsync(IDocument document, Uri pageUrl, SameSiteResources resources)
    {
        foreach (var link in document.QuerySelectorAll("link[href]").Where(l => SnapshotCleanup.Rel(l).Contains("stylesheet")).ToList())
        {
            if (!Uri.TryCreate(pageUrl, link.GetAttribute("href"), out var url) || !resources.IsSameSite(url))
            {
                continue;
            }

            var css = await resources.GetAsync(url, MaxImageBytes)
                ?? throw new HttpRequestException($"The stylesheet {url.AbsolutePath} could not be fetched.");
            var style = document.CreateElement("style");
            if (link.GetAttribute("media") is { } media)
            {
                style.SetAttribute("media", media);
            }

            style.TextContent = await InlineUrlsAsync(Encoding.UTF8.GetString(css.Bytes), url, resources);
            link.Replace(style);
        }

        foreach (var style in document.QuerySelectorAll("style").Where(s => s.TextContent.Contains("url(", StringComparison.Ordinal)).ToList())
        {
            style.TextContent = await InlineUrlsAsync(style.TextContent, pageUrl, resources);
        }
    }

    // Each url(...) of the site's own becomes a data: address when small enough, else the full public address.
    private static async Task<string> InlineUrlsAsync(string css, Uri cssUrl, SameSiteResources resources)
    {
        var result = new StringBuilder();
        var last = 0;
        foreach (Match match in CssUrl().Matches(css))
        {
            result.Append(css, last, match.Index - last);
            last = match.Index + match.Length;
            var value = match.Groups["url"].Value.Trim();
            if (value.StartsWith('#') || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
                || !Uri.TryCreate(cssUrl, value, out var url) || !resources.IsSameSite(url))
            {
                result.Append(match.Value);
                continue;
            }

            var inlined = await resources.GetAsync(url, MaxStylesheetResourceBytes);
            result.Append("url(\"").Append(inlined?.DataUri ?? url.AbsoluteUri).Append("\")");
        }

        return result.Append(css, last, css.Length - last).ToString();
    }

    private static async Task InlineImagesAsync(IDocument document, Uri pageUrl, SameSiteResources resources)
    {
        // The <img> inside is the picture's fallback and holds the same image: one copy is enough.
        foreach (var source in document.QuerySelectorAll("picture source").ToList())
        {
            source.Remove();
        }

        foreach (var image in document.QuerySelectorAll("img"))
        {
            image.RemoveAttribute("srcset");
            image.RemoveAttribute("sizes");
            if (image.GetAttribute("src") is { } src && Uri.TryCreate(pageUrl, src, out var url)
                && await resources.GetAsync(url, MaxImageBytes) is { } inlined)
            {
                image.SetAttribute("src", inlined.DataUri);
            }
        }

        foreach (var icon in document.QuerySelectorAll("link[href]").Where(l => SnapshotCleanup.Rel(l).Contains("icon")))
        {
            if (Uri.TryCreate(pageUrl, icon.GetAttribute("href"), out var url) && await resources.GetAsync(url, MaxStylesheetResourceBytes) is { } inlined)
            {
                icon.SetAttribute("href", inlined.DataUri);
            }
        }
    }

    private void AddArchiveNote(IDocument document, Uri pageUrl)
    {
        var note = document.CreateElement("meta");
        note.SetAttribute("name", "pirisite-archive");
        note.SetAttribute("content", $"captured {clock.GetUtcNow().UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} from {pageUrl.AbsoluteUri}");
        document.Head?.AppendChild(note);
    }

    [GeneratedRegex("""url\(\s*(?<quote>['"]?)(?<url>[^'")]*)\k<quote>\s*\)""", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrl();
}
