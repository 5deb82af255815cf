using System.Net;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;
using static PiriSite.Web.Tests.Areas.Admin.StaffListRows;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// The staff lists a page at a time: articles, practice areas, a page's history and the images; each searchable,
/// its page links keeping the search, a page number out of range or not a number showing a page that exists.
/// </summary>
public sealed class StaffListPagingTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private async Task<HttpClient> StaffAsync()
    {
        var (staff, key) = await StaffSessions.CreateAsync(site, $"{Guid.NewGuid():N}@pirisite.test", StaffRoles.Staff);
        return await StaffSessions.SignInAsync(site, staff.Email!, key);
    }

    private static async Task<string> PageAsync(HttpClient client, string address)
    {
        var response = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task TheArticlesListShowsFiftyAPageNewestEditFirstWithTheSearchKeptInItsPageLinks()
    {
        await AddArticlesAsync(site, "Paging Zebra", 120);
        await AddArticlesAsync(site, "Unrelated Okapi", 5);
        using var client = await StaffAsync();

        var first = await PageAsync(client, "/admin/articles?q=paging+zebra");
        Assert.Equal(Enumerable.Range(71, 50).Reverse().Select(n => $"Paging Zebra {n}"), ListedTitles(first));
        Assert.Equal("1–50 of 120 articles matching your search, newest edit first", Count(first));
        var links = PageLinks(first);
        Assert.Equal("/admin/articles?q=paging%20zebra&page=2", links["Next page"]);
        Assert.Equal("/admin/articles?q=paging%20zebra&page=3", links["Last page"]);
        Assert.False(links.ContainsKey("Previous page"));
        Assert.Contains("Page 1 of 3", first, StringComparison.Ordinal);

        var middle = await PageAsync(client, links["Next page"]);
        Assert.Equal(Enumerable.Range(21, 50).Reverse().Select(n => $"Paging Zebra {n}"), ListedTitles(middle));
        Assert.Equal("51–100 of 120 articles matching your search, newest edit first", Count(middle));
        Assert.Equal("/admin/articles?q=paging%20zebra", PageLinks(middle)["Previous page"]);

        var last = await PageAsync(client, "/admin/articles?q=paging+zebra&page=3");
        Assert.Equal(Enumerable.Range(1, 20).Reverse().Select(n => $"Paging Zebra {n}"), ListedTitles(last));
        Assert.Equal("101–120 of 120 articles matching your search, newest edit first", Count(last));
        Assert.False(PageLinks(last).ContainsKey("Next page"));

        // Searching is without regard to case, on the title, the address or the summary.
        Assert.Equal(120, int.Parse(Count(await PageAsync(client, "/admin/articles?q=PAGING-ZEBRA")).Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture));
        var one = await PageAsync(client, "/admin/articles?q=summary+of+unrelated+okapi+5");
        Assert.Equal(["Unrelated Okapi 5"], ListedTitles(one));
        Assert.Equal("1–1 of 1 article matching your search, newest edit first", Count(one));
    }

    [Theory]
    [InlineData("99", "101–120 of 120")]
    [InlineData("2147483647", "101–120 of 120")]
    [InlineData("0", "1–50 of 120")]
    [InlineData("-1", "1–50 of 120")]
    [InlineData("abc", "1–50 of 120")]
    [InlineData("1.5", "1–50 of 120")]
    public async Task APageNumberOutOfRangeShowsTheLastPageAndOneThatIsNoNumberTheFirst(string page, string shown)
    {
        var prefix = $"Range {Guid.NewGuid():N}";
        await AddArticlesAsync(site, prefix, 120);
        using var client = await StaffAsync();

        var html = await PageAsync(client, $"/admin/articles?q={Uri.EscapeDataString(prefix)}&page={page}");

        Assert.StartsWith(shown, Count(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptySearchSaysSoWithoutPageLinks()
    {
        using var client = await StaffAsync();

        var html = await PageAsync(client, "/admin/articles?q=nothing-is-called-this&page=4");

        Assert.Contains("No articles match “nothing-is-called-this”.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Empty(PageLinks(html));
    }

    [Fact]
    public async Task EachRowOfALaterPageShowsItsOwnTranslations()
    {
        var ids = await AddArticlesAsync(site, "Translated Heron", 60, spanishEvery: 3);
        using var client = await StaffAsync();

        var second = await PageAsync(client, "/admin/articles?q=translated+heron&page=2");

        // Rows 10 to 1: 9, 6 and 3 have a Spanish translation (its edit link), the others the link that adds one.
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(n => $"Translated Heron {n}"), ListedTitles(second));
        foreach (var n in Enumerable.Range(1, 10))
        {
            var addSpanish = $"href=\"/admin/articles/{ids[n]}/edit#translations\">Add<span class=\"visually-hidden\"> a Spanish translation of Translated Heron {n}</span>";
            Assert.Equal(n % 3 != 0, second.Contains(addSpanish, StringComparison.Ordinal));
            Assert.Contains($"> a French translation of Translated Heron {n}</span>", second, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ThePracticeAreasListIsPagedAndSearchedLikeTheArticles()
    {
        await using (var scope = site.CreateDbScope())
        {
            scope.Db.PracticeAreas.AddRange(Enumerable.Range(1, 55).Select(n => new PracticeArea
            {
                TranslationKey = $"paged-area-{n}",
                Name = $"Paged Area {n}",
                Slug = $"paged-area-{n}",
                Summary = "An area",
                UpdatedAt = Start.AddMinutes(n),
            }));
            await scope.Db.SaveChangesAsync();
        }

        using var client = await StaffAsync();

        var first = await PageAsync(client, "/admin/practice-areas?q=paged+area");
        Assert.Equal(50, ListedTitles(first).Count);
        Assert.Equal("1–50 of 55 practice areas matching your search, newest edit first", Count(first));
        var last = await PageAsync(client, PageLinks(first)["Next page"]);
        Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(n => $"Paged Area {n}"), ListedTitles(last));
    }

    [Fact]
    public async Task TheDeletedListKeepsToDeletedPagesAcrossItsPages()
    {
        var ids = await AddArticlesAsync(site, "Deleted Ibis", 60);
        await using (var scope = site.CreateDbScope())
        {
            foreach (var article in scope.Db.Articles.Where(a => a.Title.StartsWith("Deleted Ibis")))
            {
                article.DeletedAt = Start;
            }

            await scope.Db.SaveChangesAsync();
        }

        using var client = await StaffAsync();

        var first = await PageAsync(client, "/admin/articles?q=deleted+ibis&deleted=true");
        Assert.Equal("/admin/articles?q=deleted%20ibis&deleted=true&page=2", PageLinks(first)["Next page"]);
        Assert.Equal(10, ListedTitles(await PageAsync(client, PageLinks(first)["Next page"])).Count);
        Assert.Contains($"/admin/articles/{ids[1]}/restore", await PageAsync(client, PageLinks(first)["Next page"]), StringComparison.Ordinal);
        Assert.Contains("No articles match “deleted ibis”.", WebUtility.HtmlDecode(await PageAsync(client, "/admin/articles?q=deleted+ibis")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHistoryShowsFiftyRevisionsAPageSearchableByWhoSavedThemAndComparesStillWork()
    {
        var id = (await AddArticlesAsync(site, "Revised Crane", 1))[1];
        await AddRevisionsAsync(site, id, 120, savedBy: n => n % 10 == 0 ? "María Ortega" : "Sam Lee");
        using var client = await StaffAsync();

        var first = await PageAsync(client, $"/admin/articles/{id}/revisions");
        Assert.Equal(Enumerable.Range(71, 50).Reverse(), ListedRevisions(first));
        Assert.Contains("Revision 120 (current)", first, StringComparison.Ordinal);
        Assert.Equal("Revisions 1–50 of 120", Count(first));
        Assert.Equal($"/admin/articles/{id}/revisions?page=3", PageLinks(first)["Last page"]);

        var last = await PageAsync(client, $"/admin/articles/{id}/revisions?page=3");
        Assert.Equal(Enumerable.Range(1, 20).Reverse(), ListedRevisions(last));
        Assert.Contains($"/admin/articles/{id}/revisions/5/restore", last, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(71, 50).Reverse(), ListedRevisions(await PageAsync(client, $"/admin/articles/{id}/revisions?page=abc")));

        // By who saved it, without regard to case; the current revision is still called so on a search.
        var found = await PageAsync(client, $"/admin/articles/{id}/revisions?q=ORTEGA");
        Assert.Equal(Enumerable.Range(1, 12).Reverse().Select(n => n * 10), ListedRevisions(found));
        Assert.Contains("Revision 120 (current)", found, StringComparison.Ordinal);
        // By what the save did: revisions 2 to 120 were edits, over three pages whose links keep the search.
        var edits = new List<int>();
        for (var page = 1; page <= 3; page++)
        {
            edits.AddRange(ListedRevisions(await PageAsync(client, $"/admin/articles/{id}/revisions?q=edited&page={page}")));
        }

        Assert.Equal(Enumerable.Range(2, 119).Reverse(), edits);
        Assert.Equal($"/admin/articles/{id}/revisions?q=edited&page=2", PageLinks(await PageAsync(client, $"/admin/articles/{id}/revisions?q=edited"))["Next page"]);

        var compare = await PageAsync(client, $"/admin/articles/{id}/revisions/60");
        Assert.Contains("Changes in revision 60", compare, StringComparison.Ordinal);
        Assert.Contains("compared with revision 59", compare, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/articles/{id}/revisions/121")).StatusCode);
    }

    [Fact]
    public async Task TheImageLibraryShowsFortyEightAPageSearchableByAltTextOrFileName()
    {
        var alt = $"Courthouse {Guid.NewGuid():N}"[..20];
        var images = await AddImagesAsync(site, alt, 100);
        using var client = await StaffAsync();

        var search = Uri.EscapeDataString(alt.ToUpperInvariant());
        var first = await PageAsync(client, $"/admin/media?q={search}");
        Assert.Equal(Enumerable.Range(53, 48).Reverse().Select(n => $"{alt} {n}"), ListedImages(first));
        Assert.Equal("Images 1–48 of 100 matching your search, newest first", Count(first));
        Assert.Equal($"/admin/media?q={search}&page=3", PageLinks(first)["Last page"]);

        var last = await PageAsync(client, $"/admin/media?q={search}&page=7");
        Assert.Equal(Enumerable.Range(1, 4).Reverse().Select(n => $"{alt} {n}"), ListedImages(last));

        // A path pasted from a page's text finds its image.
        Assert.Equal([$"{alt} 17"], ListedImages(await PageAsync(client, $"/admin/media?q={Uri.EscapeDataString(images[16].Url)}")));
        Assert.Contains("No image matches", await PageAsync(client, "/admin/media?q=no-such-image-anywhere"), StringComparison.Ordinal);
    }
}
