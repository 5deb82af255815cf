using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PiriSite.Web.Services.Advertising;

/// <summary>
/// The readable text of a captured page, for comparing two snapshots paragraph by paragraph: its title, then what the
/// page says (the main text, and the footer where the advertising disclaimer lives), one block element per line.
/// </summary>
/// <remarks>
/// The whole body is read, not only &lt;main&gt; and the footer: the top bar's offer and the consultation band between
/// them are advertising claims too, and a change to them must not be recorded as "unchanged". Navigation menus, the
/// skip link and anything hidden are left out (they are the same on every page and say nothing to file).
/// </remarks>
public static partial class SnapshotText
{
    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "label", "legend",
        "li", "main", "ol", "option", "p", "pre", "section", "summary", "table", "tr", "ul", "td", "th", "caption",
    };

    private static readonly HashSet<string> s_skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "svg", "nav", "select", "textarea", "head",
    };

    public static string Of(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        text.Append(document.Title).Append('\n');
        if (document.Body is { } body)
        {
            Append(body, text);
        }

        return Normalise(text.ToString());
    }

    /// <summary>SHA-256 of the text, as lowercase hex: two snapshots with the same text have the same hash.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText textNode)
            {
                // The source's own line breaks are just spaces: only block elements start a line.
                text.Append(Whitespace().Replace(textNode.Data, " "));
            }
            else if (child is IElement element && !IsSkipped(element))
            {
                var block = s_blocks.Contains(element.LocalName);
                if (block)
                {
                    text.Append('\n');
                }

                Append(element, text);
                if (block)
                {
                    text.Append('\n');
                }
            }
        }
    }

    private static bool IsSkipped(IElement element) =>
        s_skipped.Contains(element.LocalName)
        || element.HasAttribute("hidden")
        || element.ClassList.Contains("skip-link")
        || (element.LocalName == "input" && element.GetAttribute("type") == "hidden");

    // Runs of spaces become one space; every line is trimmed; empty lines go.
    private static string Normalise(string text) =>
        string.Join('\n', text.Split('\n')
            .Select(line => Whitespace().Replace(line, " ").Trim())
            .Where(line => line.Length > 0));

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Whitespace();
}
