using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Localization;

/// <summary>
/// The public views speak the page's language: no English literal is left in them (every visible text and label goes
/// through the localizer), and the Spanish and French pages show the layout, links and dates in their language.
/// </summary>
public partial class PublicViewsTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private static readonly string s_views = Path.Combine(RepositoryFiles.Root, "src", "Web", "Views");

    // Staff and account pages, and the staff area's error pages, stay in English (the staff area is not translated); _FormErrors serves only them.
    private static readonly string[] s_staffOnly = ["Account/", "Error/Staff/", "Shared/_AdminLayout.cshtml", "Shared/_FormErrors.cshtml"];

    // Text that is the same in every language: the brand mark's letter.
    private static readonly HashSet<string> s_allowed = new(StringComparer.Ordinal) { "P" };

    public static TheoryData<string> PublicViews()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(s_views, "*.cshtml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(s_views, file).Replace('\\', '/');
            if (!relative.StartsWith('_') && !s_staffOnly.Any(s => relative.StartsWith(s, StringComparison.Ordinal)))
            {
                data.Add(relative);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublicViews))]
    public void NoPublicViewWritesEnglishOutsideTheLocalizer(string view)
    {
        var literals = RazorText.VisibleLiterals(File.ReadAllText(Path.Combine(s_views, view))).Where(l => !s_allowed.Contains(l));

        Assert.Empty(literals);
    }

    [Fact]
    public void TheLiteralScanFindsTextAndLabelsButNotRazorCode()
    {
        const string View = """
            @model HomeViewModel
            @* A comment with words *@
            @{
                var firm = Model.Firm;
                Func<string, object> tag = @<span class="x">@item</span>;
            }
            <nav aria-label="Main" class="nav">
                <a href="@SitePaths.Home(Model.Page.Language)" title="@L["Home"]">@L["Home"]</a>
                @if (firm is not null)
                {
                    <p>Call @firm.Phone now</p>
                }
                else
                {
                    <p>@L["Call {0}", firm?.Phone ?? "—"] · <time datetime="@Model.Date.ToString("yyyy-MM-dd")">@Model.Date</time></p>
                }
                <img src="/a.png" alt="A photo of the attorney">
            </nav>
            @section Scripts {
                <script src="~/js/language-hint.js" defer></script>
            }
            """;

        // Labels first, then the text between tags.
        Assert.Equal(["Main", "A photo of the attorney", "Call now"], RazorText.VisibleLiterals(View));
    }

    public static TheoryData<string, string, string, string, string, string> LayoutInEachLanguage() => new()
    {
        { "/", "en", "Practice areas", "Free consultation", "Responsible attorney: Michael Piri", "All rights reserved." },
        { "/es", "es", "Áreas de práctica", "Consulta gratuita", "Abogado responsable: Michael Piri", "Todos los derechos reservados." },
        { "/fr", "fr", "Domaines de pratique", "Consultation gratuite", "Avocat responsable : Michael Piri", "Tous droits réservés." },
    };

    [Theory]
    [MemberData(nameof(LayoutInEachLanguage))]
    public async Task TheLayoutSpeaksThePagesLanguageAndLinksWithinIt(
        string path, string code, string practiceAreas, string consultation, string responsibleAttorney, string rights)
    {
        var language = SiteLanguage.Of(code);
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(path);
        var nav = Section(html, "<nav class=\"main-nav\"", "</nav>");

        Assert.Contains($"<html lang=\"{code}\">", html, StringComparison.Ordinal);
        Assert.Equal(
            [SitePaths.Home(language), SitePaths.Section(language, SiteSection.PracticeAreas), SitePaths.Section(language, SiteSection.Articles),
             SitePaths.Section(language, SiteSection.About), SitePaths.Section(language, SiteSection.Consultation)],
            Html.Hrefs(nav));
        Assert.Contains(practiceAreas, Html.Text(nav), StringComparison.Ordinal);
        Assert.Contains(consultation, Html.Text(nav), StringComparison.Ordinal);
        var footer = Html.Text(Section(html, "<footer", "</footer>"));
        Assert.Contains(responsibleAttorney, footer, StringComparison.Ordinal);
        Assert.Contains(rights, footer, StringComparison.Ordinal);
        Assert.Contains(SitePaths.Section(language, SiteSection.Privacy), Html.Hrefs(html));
        Assert.Contains(SitePaths.Section(language, SiteSection.Disclaimer), Html.Hrefs(html));
        Assert.Contains($"href=\"{SitePaths.Feed(language)}\"", html, StringComparison.Ordinal);
        // The top bar's badges name the other two languages, each marked with its own language.
        Assert.Equal(2, Regex.Count(Section(html, "<p class=\"topbar-offer\">", "</p>"), "<span lang=\"(en|es|fr)\">"));
        Assert.DoesNotContain($"<span lang=\"{code}\">", Section(html, "<p class=\"topbar-offer\">", "</p>"), StringComparison.Ordinal);
    }

    public static TheoryData<string> SpanishAndFrenchPages()
    {
        var data = new TheoryData<string>();
        foreach (var path in new[]
        {
            "/es", "/es/areas-de-practica", "/es/areas-de-practica/asilo", "/es/articulos", "/es/articulos/que-es-el-programa-287g-de-ice",
            "/es/acerca-de", "/es/privacidad", "/es/aviso-legal",
            "/fr", "/fr/domaines-de-pratique", "/fr/domaines-de-pratique/asile", "/fr/articles",
            "/fr/articles/qu-est-ce-que-le-programme-287g-de-l-ice", "/fr/a-propos", "/fr/confidentialite", "/fr/mentions-legales",
        })
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpanishAndFrenchPages))]
    public async Task SpanishAndFrenchPagesShowNoEnglishInterfaceText(string path)
    {
        var language = SiteLanguage.FromPath(path);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // What a reader sees: not the JSON-LD (schema.org's own English names, such as BreadcrumbList).
        var text = Html.Text(Regex.Replace(html, "<script[^>]*>.*?</script>", " ", RegexOptions.Singleline));
        var english = InterfaceTexts("SharedResource.resx");
        var translated = InterfaceTexts($"SharedResource.{language.Code}.resx");
        // An English text the translation also uses (French "Articles", "Consultation") proves nothing either way.
        var leftInEnglish = english.Where(e => e.Value.Length > 6 && !e.Value.Contains('{', StringComparison.Ordinal)
                && translated[e.Key] != e.Value
                // Whole words: French "Explorer" is not the English "Explore".
                && Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(e.Value)}(?!\w)"))
            .Select(e => e.Value).ToList();
        Assert.Empty(leftInEnglish);
        Assert.Contains(InterfaceTexts($"SharedResource.{language.Code}.resx")["Skip to main content"], text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/es/articulos/que-es-el-programa-287g-de-ice", "es-US", "d 'de' MMMM 'de' yyyy")]
    [InlineData("/fr/articles/qu-est-ce-que-le-programme-287g-de-l-ice", "fr-FR", "d MMMM yyyy")]
    [InlineData("/articles/what-is-the-ice-287g-program", "en-US", "MMMM d, yyyy")]
    public async Task ArticleDatesAreWrittenInThePagesLanguage(string path, string culture, string pattern)
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(path);
        var meta = Section(html, "<p class=\"article-meta\">", "</p>");
        var time = Regex.Match(meta, "<time datetime=\"(\\d{4}-\\d{2}-\\d{2})\">([^<]+)</time>");

        Assert.True(time.Success, meta);
        var date = DateTime.ParseExact(time.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(date.ToString(pattern, CultureInfo.GetCultureInfo(culture)), WebUtility.HtmlDecode(time.Groups[2].Value));
    }

    private static string Section(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no {start}");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return html[from..(to + end.Length)];
    }

    private static Dictionary<string, string> InterfaceTexts(string file) =>
        XDocument.Load(Path.Combine(RepositoryFiles.Root, "src", "Web", "Resources", "Localization", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    /// <summary>
    /// Reads a Razor view as its author wrote it and returns what a visitor would see that is not C#: text between
    /// tags and the labels (aria-label, alt, title, placeholder), with Razor comments, code blocks, directives and
    /// expressions taken out. Whatever still holds a letter was typed into the view, so it is in one language only.
    /// </summary>
    internal static partial class RazorText
    {
        public static IReadOnlyList<string> VisibleLiterals(string view)
        {
            var markup = RazorComment().Replace(view, "");
            markup = Directive().Replace(markup, "");
            markup = RemoveCodeBlocks(markup);
            // Inside @if/@foreach blocks, C# needs no "@": statements ("var target = …;") and nested ifs and loops.
            markup = RemoveStatements(markup);
            markup = BareKeyword().Replace(markup, "$1@$2");
            markup = AwaitKeyword().Replace(markup, "@");
            markup = RemoveExpressions(markup);

            var found = new List<string>();
            foreach (Match tag in Tag().Matches(markup))
            {
                foreach (Match label in Label().Matches(tag.Value))
                {
                    AddIfWords(found, label.Groups[2].Value);
                }
            }

            foreach (var text in Tag().Split(markup))
            {
                AddIfWords(found, ElseKeyword().Replace(text, " "));
            }

            return found;
        }

        private static void AddIfWords(List<string> found, string text)
        {
            var folded = WhiteSpace().Replace(WebUtility.HtmlDecode(text), " ").Trim().Trim('{', '}').Trim();
            if (folded.Any(char.IsLetter))
            {
                found.Add(WhiteSpace().Replace(folded, " "));
            }
        }

        // @{ … } and @functions { … }: C#, which may hold strings with braces ("{0}") and Razor templates.
        private static string RemoveCodeBlocks(string markup)
        {
            var result = new StringBuilder();
            var i = 0;
            while (i < markup.Length)
            {
                var block = CodeBlockStart().Match(markup, i);
                if (!block.Success)
                {
                    result.Append(markup, i, markup.Length - i);
                    break;
                }

                result.Append(markup, i, block.Index - i);
                i = SkipBalanced(markup, block.Index + block.Length - 1);
            }

            return result.ToString();
        }

        private static string RemoveStatements(string markup)
        {
            var result = new StringBuilder();
            var i = 0;
            while (i < markup.Length)
            {
                var statement = Statement().Match(markup, i);
                if (!statement.Success)
                {
                    result.Append(markup, i, markup.Length - i);
                    break;
                }

                result.Append(markup, i, statement.Index - i);
                var j = statement.Index + statement.Length;
                while (j < markup.Length && markup[j] != ';')
                {
                    j = markup[j] is '(' or '[' or '{' or '"' or '\'' ? SkipBalancedOrString(markup, j) : j + 1;
                }

                i = Math.Min(j + 1, markup.Length);
            }

            return result.ToString();
        }

        private static int SkipBalancedOrString(string text, int at)
        {
            if (text[at] is '(' or '[' or '{')
            {
                return SkipBalanced(text, at);
            }

            var end = text.IndexOf(text[at], at + 1);
            return end < 0 ? text.Length : end + 1;
        }

        // @name, @name.member, @name[...], @name(...), @(...), @if (...), @foreach (...), @section Name, chained.
        private static string RemoveExpressions(string markup)
        {
            var result = new StringBuilder();
            var i = 0;
            while (i < markup.Length)
            {
                if (markup[i] != '@' || i + 1 >= markup.Length)
                {
                    result.Append(markup[i++]);
                    continue;
                }

                var j = i + 1;
                if (markup[j] == '(')
                {
                    i = SkipBalanced(markup, j);
                    continue;
                }

                if (markup[j] == '<')
                {
                    // A Razor template outside a code block (@<text>…</text>): its markup is still scanned.
                    i = j;
                    continue;
                }

                var section = SectionDirective().Match(markup, i);
                if (section.Success && section.Index == i)
                {
                    i += section.Length;
                    continue;
                }

                while (j < markup.Length)
                {
                    var start = j;
                    while (j < markup.Length && (char.IsLetterOrDigit(markup[j]) || markup[j] == '_'))
                    {
                        j++;
                    }

                    while (j < markup.Length && markup[j] == ' ' && j + 1 < markup.Length && markup[j + 1] == '(')
                    {
                        j++;
                    }

                    while (j < markup.Length && (markup[j] == '(' || markup[j] == '['))
                    {
                        j = SkipBalanced(markup, j);
                    }

                    var member = j + 1 < markup.Length && (markup[j] == '.' || (markup[j] == '?' && markup[j + 1] == '.'));
                    if (!member || j == start)
                    {
                        break;
                    }

                    j += markup[j] == '?' ? 2 : 1;
                    if (j >= markup.Length || !(char.IsLetter(markup[j]) || markup[j] == '_'))
                    {
                        // "@firm.Name." at the end of a sentence: the period is text.
                        j -= markup[j - 1] == '.' && markup[j - 2] == '?' ? 2 : 1;
                        break;
                    }
                }

                i = j;
            }

            return result.ToString();
        }

        // From an opening bracket to just after its closing one, stepping over C# strings, character literals and
        // line comments (whose apostrophes are not literals).
        private static int SkipBalanced(string text, int open)
        {
            var depth = 0;
            for (var i = open; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
                {
                    var endOfLine = text.IndexOf('\n', i);
                    i = endOfLine < 0 ? text.Length : endOfLine;
                }
                else if (c == '"' || c == '\'')
                {
                    var verbatim = i > 0 && text[i - 1] == '@';
                    for (i++; i < text.Length && text[i] != c; i++)
                    {
                        if (text[i] == '\\' && !verbatim)
                        {
                            i++;
                        }
                    }
                }
                else if (c is '(' or '[' or '{')
                {
                    depth++;
                }
                else if (c is ')' or ']' or '}' && --depth == 0)
                {
                    return i + 1;
                }
            }

            return text.Length;
        }

        [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
        private static partial Regex RazorComment();

        [GeneratedRegex(@"^\s*@(model|using|inject|addTagHelper|removeTagHelper|inherits|namespace|page|layout)\b.*$", RegexOptions.Multiline)]
        private static partial Regex Directive();

        [GeneratedRegex(@"@(functions\s*)?\{")]
        private static partial Regex CodeBlockStart();

        [GeneratedRegex(@"(?m)^[ \t]*var\s+\w+\s*=")]
        private static partial Regex Statement();

        [GeneratedRegex(@"(?m)^([ \t]*(?:\}[ \t]*)?(?:else[ \t]+)?)(if|foreach|for|while|switch|using)(?=\s*\()")]
        private static partial Regex BareKeyword();

        [GeneratedRegex(@"@await\s+")]
        private static partial Regex AwaitKeyword();

        [GeneratedRegex(@"@section\s+\w+")]
        private static partial Regex SectionDirective();

        [GeneratedRegex(@"<[!/]{0,2}[A-Za-z][^>]*>")]
        private static partial Regex Tag();

        [GeneratedRegex("""\s(aria-label|aria-description|alt|title|placeholder)="([^"]*)"?""")]
        private static partial Regex Label();

        [GeneratedRegex(@"(?<![\p{L}])else(?![\p{L}])")]
        private static partial Regex ElseKeyword();

        [GeneratedRegex(@"\s+")]
        private static partial Regex WhiteSpace();
    }
}
