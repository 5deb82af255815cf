using System.Net;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Views;

/// <summary>What every public page must carry, whatever its content.</summary>
public class LayoutTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    public static TheoryData<string> Routes => PublicRoutes.AllAsTheoryData();

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryPageAnswersOkWithItsOwnTitleDescriptionAndCanonicalLink(string route)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(route);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var title = Html.Title(html);
        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.Contains("Piri Law Firm", title, StringComparison.Ordinal);
        Assert.True(Html.MetaDescription(html) is { Length: > 40 }, $"{route} needs a real meta description");
        Assert.Equal(SiteFactory.BaseAddress + route, Html.Canonical(html));
    }

    [Fact]
    public async Task EveryPageHasItsOwnTitle()
    {
        using var client = factory.CreateClient();
        var titles = new List<string>();
        foreach (var route in PublicRoutes.All)
        {
            titles.Add(Html.Title(await client.GetStringAsync(route))!);
        }

        Assert.Equal(titles.Count, titles.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryPageHasNavigationPhoneLinkConsultationCallAndFooterDisclaimer(string route)
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(route);

        Assert.Contains("<nav class=\"main-nav\" aria-label=\"Main\">", html, StringComparison.Ordinal);
        var hrefs = Html.Hrefs(html);
        Assert.Contains("/practice-areas", hrefs);
        Assert.Contains("/articles", hrefs);
        Assert.Contains("/about", hrefs);
        Assert.Contains("/consultation", hrefs);
        Assert.Contains("tel:+18336000029", hrefs);
        Assert.Contains("(833) 600-0029", html, StringComparison.Ordinal);
        Assert.Contains("Free consultation", html, StringComparison.Ordinal);
        Assert.Contains("Attorney Advertising.", html, StringComparison.Ordinal);
        Assert.Contains("Responsible attorney: Michael Piri", html, StringComparison.Ordinal);
        Assert.Matches("<link rel=\"stylesheet\" href=\"/css/site(\\.[a-z0-9]+)?\\.css\"", html);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task NoPageCarriesInlineOrThirdPartyScript(string route)
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(route);
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>").Select(m => m.Value).ToList();

        // The only scripts are the form's optional helper (a counter, focus on errors, the short form's token) and the
        // home page's language hint, from the site itself; the structured data is a JSON data block, which browsers
        // never run.
        Assert.All(scripts, tag => Assert.Matches("^<script (src=\"/js/(consultation|language-hint)(\\.[a-z0-9]+)?\\.js\" defer|type=\"application/ld\\+json\")></script>$", tag + "</script>"));
        ActiveContent.AssertNone(html, route);
        Assert.DoesNotContain(" on", string.Concat(System.Text.RegularExpressions.Regex.Matches(html, "<[a-z]+ [^>]*\\son[a-z]+=").Select(m => m.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStylesheetIsServedWithContent()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/css/site.css");
        var css = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".site-header", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VisitorsGetNoStaffAreaStylesWhichOnlyTheStaffLayoutLoads()
    {
        using var client = factory.CreateClient();

        var css = await client.GetStringAsync("/css/site.css");
        var adminCss = await client.GetStringAsync("/css/admin.css");
        var publicPage = await client.GetStringAsync("/");
        var signInPage = await client.GetStringAsync("/account/login");

        Assert.DoesNotContain(".admin-header", css, StringComparison.Ordinal);
        Assert.DoesNotContain(".lead-", css, StringComparison.Ordinal);
        Assert.Contains(".admin-header", adminCss, StringComparison.Ordinal);
        Assert.DoesNotContain("admin", string.Concat(Stylesheets(publicPage)), StringComparison.Ordinal);
        Assert.Equal(2, Stylesheets(signInPage).Count);
        Assert.Matches("^/css/site(\\.[a-z0-9]+)?\\.css$", Stylesheets(signInPage)[0]);
        Assert.Matches("^/css/admin(\\.[a-z0-9]+)?\\.css$", Stylesheets(signInPage)[1]);
    }

    private static List<string> Stylesheets(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
}
