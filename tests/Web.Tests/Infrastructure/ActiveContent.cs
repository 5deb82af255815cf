using AngleSharp.Html.Parser;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>
/// Parses a page as a browser would and fails on script the site itself did not put there: script elements
/// other than the site's own file, event-handler attributes, and javascript:/vbscript:/data: URLs.
/// Dangerous words shown as text, or inside a quoted attribute value, are inert and allowed.
/// </summary>
public static class ActiveContent
{
    private static readonly string[] s_urlAttributes = ["href", "src", "action", "formaction", "srcset", "xlink:href"];

    public static void AssertNone(string html, string where)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var script in document.QuerySelectorAll("script"))
        {
            // Structured data is a data block browsers never run; it must still be exactly one valid JSON document.
            if (script.GetAttribute("type") == "application/ld+json")
            {
                using var json = System.Text.Json.JsonDocument.Parse(script.TextContent);
                continue;
            }

            // The public pages' own scripts, and the staff layout's (copy buttons, the header's menu).
            Assert.Matches("^/js/(consultation|language-hint|admin|admin-menu)(\\.[a-z0-9]+)?\\.js$", script.GetAttribute("src") ?? "(inline script)");
        }

        foreach (var element in document.All)
        {
            Assert.DoesNotContain(element.LocalName, (string[])["iframe", "object", "embed"]);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                    $"<{element.LocalName} {attribute.Name}=…> on {where}");
                if (s_urlAttributes.Contains(attribute.Name))
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                    Assert.False(value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase),
                        $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\"> on {where}");
                }
            }
        }
    }
}
