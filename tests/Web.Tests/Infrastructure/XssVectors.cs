using AngleSharp.Html.Parser;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>
/// The script-injection strings every text field is tried with (the editor's, the consultation form's, the firm
/// profile's, alt text, staff names), and the check that a page shows what was typed as inert text.
/// </summary>
public static class XssVectors
{
    public static readonly IReadOnlyList<string> All =
    [
        "<script>alert('xss')</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "<svg/onload=alert(1)>",
        "[click me](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "</textarea><script>alert(1)</script>",
        "' onmouseover='alert(1)",
    ];

    public static TheoryData<string> Theory()
    {
        var data = new TheoryData<string>();
        foreach (var vector in All)
        {
            data.Add(vector);
        }

        return data;
    }

    /// <summary>
    /// Fails when the page would run script the site did not put there (<see cref="ActiveContent"/>), or when
    /// <paramref name="typed"/> is not on it, whole, as text or as an attribute's value: a page that dropped the
    /// text would prove nothing about how it is shown.
    /// </summary>
    public static void AssertShownAsText(string html, string typed, string where)
    {
        ActiveContent.AssertNone(html, where);
        var document = new HtmlParser().ParseDocument(html);
        var shown = document.All.SelectMany(element => element.Attributes.Select(attribute => attribute.Value))
            .Append(document.DocumentElement.TextContent);
        Assert.True(shown.Any(text => text.Contains(typed, StringComparison.Ordinal)), $"\"{typed}\" is not shown as text on {where}");
    }
}
