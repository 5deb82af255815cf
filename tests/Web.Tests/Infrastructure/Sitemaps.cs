using System.Xml.Linq;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>Reads the site's sitemaps as a crawler does: the index at /sitemap.xml, then every sitemap it names.</summary>
public static class Sitemaps
{
    public static readonly XNamespace Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>Every &lt;url&gt; of every sitemap the index names, in order.</summary>
    public static async Task<IReadOnlyList<XElement>> ReadAllUrlsAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var urls = new List<XElement>();
        foreach (var location in await ReadIndexAsync(client))
        {
            var sitemap = XDocument.Parse(await client.GetStringAsync(new Uri(location).PathAndQuery));
            urls.AddRange(sitemap.Root!.Elements(Namespace + "url"));
        }

        return urls;
    }

    /// <summary>The sitemaps' addresses the index names.</summary>
    public static async Task<IReadOnlyList<string>> ReadIndexAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        Assert.Equal(Namespace + "sitemapindex", index.Root!.Name);
        return [.. index.Root.Elements(Namespace + "sitemap").Select(s => s.Element(Namespace + "loc")!.Value)];
    }
}
