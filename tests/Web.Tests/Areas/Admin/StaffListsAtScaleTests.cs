using System.Net;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;
using static PiriSite.Web.Tests.Areas.Admin.StaffListRows;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// The staff screens with 10,000 articles (half of them translated into Spanish) and 500 revisions of one: each list
/// renders one page's worth of rows, and the dashboard lists a few of its thousands of tasks. (Their times are
/// measured by hand, not asserted: see the issue's report.)
/// </summary>
public sealed class StaffListsAtScaleTests : IDisposable
{
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task WithTenThousandArticlesAndFiveHundredRevisionsEachScreenShowsOnePage()
    {
        var ids = await AddArticlesAsync(_site, "Scale Article", 10_000, spanishEvery: 2);
        var revised = ids[10_000];
        await AddRevisionsAsync(_site, revised, 500);
        int english;
        await using (var scope = _site.CreateDbScope())
        {
            english = await scope.Db.Articles.CountAsync(a => a.Culture == SiteCulture.English && a.DeletedAt == null);
        }

        var (attorney, key) = await StaffSessions.CreateAsync(_site, "scale.attorney@pirisite.test", StaffRoles.Attorney);
        using var client = await StaffSessions.SignInAsync(_site, attorney.Email!, key);

        var first = await client.GetStringAsync("/admin/articles");
        // The site's own article was edited later than these (at start-up): 50 rows, the newest edits first.
        var titles = ListedTitles(first);
        Assert.Equal(50, titles.Count);
        var scale = titles.Where(t => t.StartsWith("Scale Article", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, scale.Count).Select(n => $"Scale Article {10_001 - n}"), scale);
        Assert.Equal($"1–50 of {english:N0} articles, newest edit first", Count(first));
        Assert.Equal(50, ListedTitles(await client.GetStringAsync("/admin/articles?page=100")).Count);
        var lastPage = (english + 49) / 50;
        Assert.Equal($"/admin/articles?page={lastPage}", PageLinks(first)["Last page"]);
        Assert.Equal(english - ((lastPage - 1) * 50), ListedTitles(await client.GetStringAsync($"/admin/articles?page={lastPage}")).Count);
        Assert.Equal(["Scale Article 5123"], ListedTitles(await client.GetStringAsync("/admin/articles?q=scale+article+5123")));
        Assert.Equal(50, ListedTitles(await client.GetStringAsync("/admin/articles?q=scale&page=150")).Count);

        var history = await client.GetStringAsync($"/admin/articles/{revised}/revisions");
        Assert.Equal(Enumerable.Range(451, 50).Reverse(), ListedRevisions(history));
        Assert.Equal("Revisions 1–50 of 500", Count(history));
        Assert.Equal(Enumerable.Range(1, 50).Reverse(), ListedRevisions(await client.GetStringAsync($"/admin/articles/{revised}/revisions?page=10")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/admin/articles/{revised}/revisions/250")).StatusCode);

        // 15,000 pages without their translations, none reviewed: the dashboard counts them all and lists a few.
        var dashboard = await client.GetStringAsync("/admin");
        var missing = System.Text.RegularExpressions.Regex.Match(dashboard, @"id=""translations-missing-title"">Missing \((\d+)\)");
        Assert.True(int.Parse(missing.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 15_000);
        Assert.True(dashboard.Length < 100_000, $"The dashboard is {dashboard.Length:N0} characters long.");
    }
}
