using AngleSharp.Dom;

namespace PiriSite.Web.Services.Advertising;

/// <summary>
/// What a snapshot must not carry, and its links made to work from a downloaded file: no script runs in an archived
/// page (scripts, event handlers, javascript: links and hints to fetch more are removed), and every link to the site
/// names the public address in full.
/// </summary>
internal static class SnapshotCleanup
{
    private static readonly string[] s_fetchHints = ["preload", "modulepreload", "prefetch", "manifest", "dns-prefetch", "preconnect"];

    private static readonly string[] s_linkAttributes = ["href", "src", "action", "formaction", "poster", "cite"];

    public static void RemoveActiveContent(IDocument document)
    {
        // Hidden inputs carry only the visit's own tokens (antiforgery, form timing): nothing the public read.
        foreach (var element in document.QuerySelectorAll("script, base, meta[http-equiv], input[type=hidden]").ToList())
        {
            element.Remove();
        }

        foreach (var link in document.QuerySelectorAll("link").Where(l => Rel(l).Intersect(s_fetchHints).Any()).ToList())
        {
            link.Remove();
        }

        foreach (var element in document.All)
        {
            var active = element.Attributes
                .Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                .Select(a => a.Name).ToList();
            active.ForEach(name => element.RemoveAttribute(name));
        }
    }

    /// <summary>Same-site addresses become absolute on the public origin; in-page anchors ("#main") stay as they are.</summary>
    public static void MakeLinksAbsolute(IDocument document, Uri pageUrl, SameSiteResources resources)
    {
        foreach (var element in document.All)
        {
            foreach (var name in s_linkAttributes)
            {
                var value = element.GetAttribute(name)?.Trim();
                if (string.IsNullOrEmpty(value) || value.StartsWith('#') || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (Uri.TryCreate(pageUrl, value, out var absolute) && resources.IsSameSite(absolute))
                {
                    element.SetAttribute(name, absolute.AbsoluteUri);
                }
            }
        }
    }

    public static string[] Rel(IElement link) =>
        (link.GetAttribute("rel") ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
