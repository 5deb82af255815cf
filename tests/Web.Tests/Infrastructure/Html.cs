using System.Net;
using System.Text.RegularExpressions;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>Small, strict readers of the HTML the site renders (the markup is ours, so regexes suffice).</summary>
public static partial class Html
{
    public static IReadOnlyList<string> Hrefs(string html) =>
        HrefPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    public static IReadOnlyList<string> Headings(string html, int level) =>
        Regex.Matches(html, $@"<h{level}[^>]*>(.*?)</h{level}>", RegexOptions.Singleline)
            .Select(m => Text(m.Groups[1].Value)).ToList();

    /// <summary>The page's &lt;article&gt; element: its main content without header, sidebar, band or footer.</summary>
    public static string Article(string html)
    {
        var start = html.IndexOf("<article", StringComparison.Ordinal);
        var end = html.IndexOf("</article>", StringComparison.Ordinal);
        return start >= 0 && end > start ? html[start..end] : throw new InvalidOperationException("The page has no <article>.");
    }

    public static string? Title(string html) =>
        TitlePattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public static string? MetaDescription(string html) =>
        DescriptionPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public static string? Canonical(string html) =>
        CanonicalPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    /// <summary>Where the article cards of a list lead, in order.</summary>
    public static IReadOnlyList<string> CardLinks(string html) =>
        [.. CardLinkPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>The head's &lt;link rel="…"&gt; address (prev, next), or null.</summary>
    public static string? LinkRel(string html, string rel) =>
        Regex.Match(html, $"<link rel=\"{rel}\" href=\"([^\"]+)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    /// <summary>The visible text of a fragment: tags removed, entities decoded, white space folded.</summary>
    public static string Text(string html) =>
        WhiteSpace().Replace(WebUtility.HtmlDecode(Tag().Replace(html, " ")), " ").Trim();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex HrefPattern();

    [GeneratedRegex("<a class=\"card-link\" href=\"([^\"]+)\"")]
    private static partial Regex CardLinkPattern();

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitlePattern();

    [GeneratedRegex("<meta name=\"description\" content=\"([^\"]*)\"")]
    private static partial Regex DescriptionPattern();

    [GeneratedRegex("<link rel=\"canonical\" href=\"([^\"]*)\"")]
    private static partial Regex CanonicalPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
