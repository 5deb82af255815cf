using System.Globalization;
using System.Text;
using System.Xml;

namespace PiriSite.Web.Services.Seo;

/// <summary>
/// One language's articles as an Atom feed (RFC 4287), for feed readers and for search engines that follow feeds:
/// each language has its own, at its own address, titled in its language.
/// </summary>
public static class AtomFeed
{
    private const string Namespace = "http://www.w3.org/2005/Atom";

    /// <summary>The feed's language and its title and subtitle, already in that language.</summary>
    public sealed record Header(SiteLanguage Language, string Title, string Subtitle);

    public static string Write(string origin, FirmProfile firm, IReadOnlyList<Article> articles, Header header)
    {
        ArgumentNullException.ThrowIfNull(firm);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(header);
        var language = header.Language;
        var feedUrl = origin + SitePaths.Feed(language);
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteAttributeString("xml", "lang", null, language.Code);
            xml.WriteElementString("id", Namespace, feedUrl);
            xml.WriteElementString("title", Namespace, header.Title);
            xml.WriteElementString("subtitle", Namespace, header.Subtitle);
            xml.WriteElementString("updated", Namespace, Timestamp(articles.Count == 0 ? firm.UpdatedAt : articles.Max(a => a.LastChangedAt())));
            Link(xml, "self", feedUrl, "application/atom+xml");
            Link(xml, "alternate", origin + SitePaths.Section(language, SiteSection.Articles), "text/html");
            xml.WriteStartElement("author", Namespace);
            xml.WriteElementString("name", Namespace, firm.FirmName);
            xml.WriteElementString("uri", Namespace, origin + SitePaths.Home(language));
            xml.WriteEndElement();

            foreach (var article in articles)
            {
                var url = origin + SitePaths.Article(language, article.Slug);
                xml.WriteStartElement("entry", Namespace);
                xml.WriteElementString("id", Namespace, url);
                xml.WriteElementString("title", Namespace, article.Title);
                Link(xml, "alternate", url, "text/html");
                xml.WriteElementString("published", Namespace, Timestamp(article.PublishedAt ?? article.UpdatedAt));
                xml.WriteElementString("updated", Namespace, Timestamp(article.LastChangedAt()));
                xml.WriteStartElement("author", Namespace);
                xml.WriteElementString("name", Namespace, string.IsNullOrWhiteSpace(article.AuthorName) ? firm.AttorneyName : article.AuthorName);
                xml.WriteEndElement();
                xml.WriteElementString("summary", Namespace, article.PageDescription);
                // The stored HTML is already sanitized; as text it is escaped once more, as Atom's type="html" requires.
                xml.WriteStartElement("content", Namespace);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(article.BodyHtml);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
