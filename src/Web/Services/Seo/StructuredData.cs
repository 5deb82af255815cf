using System.Globalization;
using System.Text.Json.Nodes;

namespace PiriSite.Web.Services.Seo;

/// <summary>
/// schema.org data in JSON-LD, so search engines read the firm, its attorney, articles and breadcrumbs as facts
/// rather than guessing them from the page. Every page carries the firm; pages add their own nodes.
/// </summary>
public static class StructuredData
{
    private static readonly string[] s_everyDay = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static string FirmId(string origin) => $"{origin}/#firm";

    /// <summary>
    /// The firm (a LegalService, and an Attorney in schema.org's sense) with its attorney, and the languages the
    /// site and the firm serve clients in. <paramref name="jobTitle"/> is the attorney's title in the page's language.
    /// </summary>
    public static JsonObject Firm(FirmProfile firm, string origin, string jobTitle = "Immigration Attorney")
    {
        ArgumentNullException.ThrowIfNull(firm);
        var telephone = firm.PhoneUri["tel:".Length..];
        return new JsonObject
        {
            ["@type"] = new JsonArray("LegalService", "Attorney"),
            ["@id"] = FirmId(origin),
            ["name"] = firm.FirmName,
            ["url"] = $"{origin}/",
            ["telephone"] = telephone,
            ["description"] = firm.ConsultationOfferText,
            ["areaServed"] = new JsonObject { ["@type"] = "AdministrativeArea", ["name"] = firm.ServiceArea },
            ["knowsLanguage"] = Strings(firm.LanguagesSpoken),
            ["availableLanguage"] = Strings(SiteLanguage.All.Select(l => l.Code)),
            ["contactPoint"] = new JsonObject
            {
                ["@type"] = "ContactPoint",
                ["telephone"] = telephone,
                ["contactType"] = "free consultation",
                ["availableLanguage"] = Strings(firm.LanguagesSpoken),
                ["hoursAvailable"] = new JsonObject
                {
                    ["@type"] = "OpeningHoursSpecification",
                    ["dayOfWeek"] = Strings(s_everyDay),
                    ["opens"] = "00:00",
                    ["closes"] = "23:59",
                },
            },
            ["employee"] = new JsonObject
            {
                ["@type"] = "Person",
                ["@id"] = $"{origin}/#attorney",
                ["name"] = firm.AttorneyName,
                ["jobTitle"] = jobTitle,
                ["knowsLanguage"] = Strings(firm.LanguagesSpoken),
                ["worksFor"] = new JsonObject { ["@id"] = FirmId(origin) },
            },
        };
    }

    /// <summary>An article with its author and dates, published by the firm; and its page, with the attorney's review.</summary>
    public static IEnumerable<JsonObject> Article(Article article, string url, string origin)
    {
        ArgumentNullException.ThrowIfNull(article);
        var published = article.PublishedAt ?? article.UpdatedAt;
        var node = new JsonObject
        {
            ["@type"] = "Article",
            ["@id"] = $"{url}#article",
            ["headline"] = article.Title,
            ["description"] = article.PageDescription,
            ["inLanguage"] = article.Culture,
            ["datePublished"] = Date(published),
            ["dateModified"] = Date(article.LastChangedAt()),
            ["author"] = new JsonObject { ["@type"] = "Person", ["name"] = article.AuthorName },
            ["publisher"] = new JsonObject { ["@id"] = FirmId(origin) },
            ["mainEntityOfPage"] = url,
        };
        var page = new JsonObject
        {
            ["@type"] = "WebPage",
            ["@id"] = url,
            ["url"] = url,
            ["name"] = article.PageTitle,
            ["inLanguage"] = article.Culture,
            ["mainEntity"] = new JsonObject { ["@id"] = $"{url}#article" },
        };
        if (article.ReviewedAt is { } reviewed && !string.IsNullOrEmpty(article.ReviewedBy))
        {
            page["lastReviewed"] = Date(reviewed);
            page["reviewedBy"] = new JsonObject { ["@type"] = "Person", ["name"] = article.ReviewedBy };
        }

        return [node, page];
    }

    /// <summary>A page other than an article: its address, title and language, about the firm.</summary>
    public static JsonObject WebPage(string url, string name, string language, string origin) =>
        new()
        {
            ["@type"] = "WebPage",
            ["@id"] = url,
            ["url"] = url,
            ["name"] = name,
            ["inLanguage"] = language,
            ["about"] = new JsonObject { ["@id"] = FirmId(origin) },
        };

    /// <summary>The page's place in the site, as the breadcrumb on the page shows it.</summary>
    public static JsonObject Breadcrumbs(string origin, IReadOnlyList<Breadcrumb> trail)
    {
        ArgumentNullException.ThrowIfNull(trail);
        var items = new JsonArray();
        for (var i = 0; i < trail.Count; i++)
        {
            items.Add(new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = i + 1,
                ["name"] = trail[i].Name,
                ["item"] = origin + trail[i].Path,
            });
        }

        return new JsonObject { ["@type"] = "BreadcrumbList", ["itemListElement"] = items };
    }

    /// <summary>
    /// The nodes as one JSON-LD document. The default encoder escapes &lt;, &gt; and &amp;, so no text in it can
    /// close the script element it is written into.
    /// </summary>
    public static string Serialize(IEnumerable<JsonObject> nodes) =>
        new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@graph"] = new JsonArray([.. nodes]),
        }.ToJsonString();

    private static string Date(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(value => (JsonNode?)JsonValue.Create(value))]);
}
