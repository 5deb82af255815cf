using System.Globalization;
using System.Text;
using System.Xml;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Services.Seo;

/// <summary>
/// The sitemap protocol's XML (sitemaps.org): one &lt;url&gt; per public page in each language, with its last
/// change and, for a page published in more than one language, an xhtml:link alternate for each of its languages
/// (itself included) and x-default (the English one), as search engines read hreflang from a sitemap.
/// </summary>
public static class SitemapXml
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    /// <summary>A sitemap index: where each sitemap file is (a path) and when anything in it last changed.</summary>
    public static string WriteIndex(string origin, IEnumerable<PageDate> sitemaps)
    {
        ArgumentNullException.ThrowIfNull(sitemaps);
        return Write(xml =>
        {
            xml.WriteStartElement("sitemapindex", Namespace);
            foreach (var sitemap in sitemaps)
            {
                xml.WriteStartElement("sitemap", Namespace);
                xml.WriteElementString("loc", Namespace, origin + sitemap.Path);
                xml.WriteElementString("lastmod", Namespace, Timestamp(sitemap.LastModified));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    public static string Write(string origin, IEnumerable<SitemapPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return Write(xml =>
        {
            xml.WriteStartElement("urlset", Namespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var page in pages)
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, origin + page.Path);
                xml.WriteElementString("lastmod", Namespace, Timestamp(page.LastModified));
                if (page.Alternates.Count > 1)
                {
                    foreach (var alternate in page.Alternates)
                    {
                        Alternate(xml, alternate.Language.Code, origin + alternate.Path);
                    }

                    if (page.Alternates.FirstOrDefault(a => a.Language.IsEnglish) is { } english)
                    {
                        Alternate(xml, "x-default", origin + english.Path);
                    }
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    private static string Write(Action<XmlWriter> body)
    {
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, Async = false }))
        {
            xml.WriteStartDocument();
            body(xml);
        }

        // A StringBuilder writer declares UTF-16; the response is UTF-8, and says so.
        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static string Timestamp(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Alternate(XmlWriter xml, string hreflang, string href)
    {
        xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
        xml.WriteAttributeString("rel", "alternate");
        xml.WriteAttributeString("hreflang", hreflang);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
