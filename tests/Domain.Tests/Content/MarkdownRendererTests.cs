using AngleSharp.Html.Parser;
using PiriSite.Domain.Content;

namespace PiriSite.Domain.Tests.Content;

public class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void HeadingsGetStableIdsFromTheirText()
    {
        var html = _renderer.Render("## How the 287(g) Program Works\n\nText.\n\n### 1. Jail Enforcement Model").Html;

        Assert.Contains("<h2 id=\"how-the-287g-program-works\">How the 287(g) Program Works</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"1-jail-enforcement-model\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderingTheSameTextTwiceGivesTheSameIds()
    {
        const string markdown = "## Resource Strain\n\n## Resource Strain";

        var first = _renderer.Render(markdown);
        var second = _renderer.Render(markdown);

        Assert.Equal(first.Html, second.Html);
        Assert.Equal(["resource-strain", "resource-strain-1"], first.TableOfContents.Select(e => e.Id));
    }

    [Fact]
    public void TheTableOfContentsNestsSubsectionsUnderTheirSections()
    {
        var toc = _renderer.Render("""
            # Title is not listed
            Intro.
            ## How it works
            ### Jail *Enforcement* Model
            ### Task Force Model
            ## Criticisms
            #### Too deep to list
            ## The `287(g)` Path Forward
            """).TableOfContents;

        Assert.Equal(["How it works", "Criticisms", "The 287(g) Path Forward"], toc.Select(e => e.Text));
        Assert.Equal(["Jail Enforcement Model", "Task Force Model"], toc[0].Children.Select(e => e.Text));
        Assert.Equal("jail-enforcement-model", toc[0].Children[0].Id);
        Assert.Empty(toc[1].Children);
    }

    [Fact]
    public void ASubsectionBeforeAnySectionIsListedOnItsOwn()
    {
        var toc = _renderer.Render("### Orphan\n\n## Section").TableOfContents;

        Assert.Equal(["Orphan", "Section"], toc.Select(e => e.Text));
    }

    [Fact]
    public void OrdinaryMarkdownIsRendered()
    {
        var html = _renderer.Render("Some **bold**, a [link](https://www.uscis.gov/) and a list:\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |").Html;

        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.uscis.gov/\">link</a>", html, StringComparison.Ordinal);
        Assert.Contains("<li>one</li>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mailto:intake@example.com")]
    [InlineData("tel:+18336000029")]
    [InlineData("http://example.com/")]
    [InlineData("/practice-areas/asylum")]
    [InlineData("#how-it-works")]
    public void SafeLinksSurvive(string url)
    {
        var html = _renderer.Render($"[go]({url})").Html;

        Assert.Contains($"href=\"{url}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<SCRIPT SRC=//evil.example/x.js></SCRIPT>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<details open ontoggle=alert(1)>")]
    [InlineData("text <!-- <script>alert(1)</script> -->")]
    public void RawHtmlNeverReachesThePage(string markdown)
    {
        var html = _renderer.Render(markdown).Html;

        AssertInert(html);

        // Raw HTML is shown as the text it is, never interpreted as tags.
        var elements = new HtmlParser().ParseDocument($"<body>{html}</body>").Body!.QuerySelectorAll("*").Select(e => e.LocalName);
        Assert.All(elements, name => Assert.Equal("p", name));
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](JAVASCRIPT:alert(1))")]
    [InlineData("[click]( javascript:alert(1))")]
    [InlineData("[click](java&#x09;script:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](&#x6A;avascript:alert(1))")]
    [InlineData("[click](javascript&#58;alert(1))")]
    [InlineData("[click](%6Aavascript:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](VBScript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](DATA:text/html,<script>alert(1)</script>)")]
    [InlineData("[click](file:///etc/passwd)")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<JaVaScRiPt:alert(1)>")]
    [InlineData("<vbscript:msgbox(1)>")]
    [InlineData("<data:text/html,hi>")]
    public void DangerousLinksAreRemoved(string markdown)
    {
        var html = _renderer.Render(markdown).Html;

        AssertInert(html);
        Assert.DoesNotContain("href=\"file:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](JaVaScRiPt:alert(1))")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("![x](data:image/png;base64,iVBORw0KGgo=)")]
    [InlineData("![x](vbscript:msgbox(1))")]
    [InlineData("![x](&#x6A;avascript:alert(1))")]
    public void DangerousImageSourcesAreRemoved(string markdown)
    {
        var html = _renderer.Render(markdown).Html;

        AssertInert(html);
    }

    [Fact]
    public void SafeImagesKeepTheirSourceAndAltText()
    {
        var html = _renderer.Render("![The courthouse](/media/courthouse.jpg)").Html;

        Assert.Contains("src=\"/media/courthouse.jpg\"", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"The courthouse\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AttributesCannotBeSmuggledThroughHeadingsOrLinkTitles()
    {
        var html = _renderer.Render("## Title {onclick=alert(1)}\n\n[x](https://example.com \"t\\\" onmouseover=\\\"alert(1)\")").Html;

        AssertInert(html);
    }

    [Fact]
    public void EmptyOrMissingMarkdownRendersNothing()
    {
        Assert.Equal("", _renderer.Render(null).Html);
        Assert.Empty(_renderer.Render("").TableOfContents);
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\" JaVa\tScript:alert(1)\">x</a>")]
    [InlineData("<img src=\"data:image/png;base64,AAAA\">")]
    [InlineData("<p onclick=\"alert(1)\">x</p>")]
    [InlineData("<script>alert(1)</script>")]
    public void TheInertnessCheckItselfCatchesActiveContent(string activeHtml) =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertInert(activeHtml));

    private static readonly string[] s_activeElements = ["script", "iframe", "object", "embed", "style", "form", "input", "svg", "math", "base", "meta", "link"];
    private static readonly string[] s_urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background"];
    private static readonly string[] s_allowedSchemes = ["http:", "https:", "mailto:", "tel:"];

    /// <summary>
    /// Parses the output as a browser would and fails on anything that could run: script-bearing elements,
    /// event-handler or style attributes, and URLs with any scheme but the four allowed ones.
    /// Dangerous words shown as plain text are harmless and allowed.
    /// </summary>
    private static void AssertInert(string html)
    {
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, s_activeElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} in {html}");
                Assert.NotEqual("style", attribute.Name);
                if (s_urlAttributes.Contains(attribute.Name))
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                    var colon = value.IndexOf(':', StringComparison.Ordinal);
                    var slash = value.IndexOfAny(['/', '?', '#']);
                    var hasScheme = colon >= 0 && (slash < 0 || colon < slash);
                    Assert.True(!hasScheme || s_allowedSchemes.Any(s => value.StartsWith(s, StringComparison.OrdinalIgnoreCase)),
                        $"{attribute.Name}=\"{attribute.Value}\" in {html}");
                }
            }
        }
    }
}
