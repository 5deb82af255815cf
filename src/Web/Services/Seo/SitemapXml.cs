using System.Globalization;
using System.Text;
using System.Xml;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Services.Seo;

/// <summary>The sitemap protocol's XML (sitemaps.org): one &lt;url&gt; per public page with its last change.</summary>
public static class SitemapXml
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static string Write(string origin, IEnumerable<PageDate> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, Async = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            foreach (var page in pages)
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, origin + page.Path);
                xml.WriteElementString("lastmod", Namespace, page.LastModified.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        // A StringBuilder writer declares UTF-16; the response is UTF-8, and says so.
        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
