using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Content;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers;

public class PracticeAreasControllerTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task EverySeededPracticeAreaIsReachableFromTheIndex()
    {
        using var client = factory.CreateClient();
        await using var scope = factory.CreateDbScope();
        var seeded = await scope.Db.PracticeAreas.Where(p => p.Culture == SiteCulture.English && p.Status == ContentStatus.Published)
            .Select(p => new { p.Slug, p.Name }).ToListAsync();

        var index = await client.GetStringAsync("/practice-areas");
        var linked = Html.Hrefs(index).Where(h => h.StartsWith("/practice-areas/", StringComparison.Ordinal)).ToHashSet();

        Assert.Equal(11, seeded.Count);
        foreach (var area in seeded)
        {
            var href = $"/practice-areas/{area.Slug}";
            Assert.Contains(href, linked);
            var page = await client.GetStringAsync(href);
            Assert.Equal(area.Name, Html.Headings(page, 1).Single());
        }
    }

    [Fact]
    public async Task IndexCarriesTheFirmsOriginalIntroduction()
    {
        using var client = factory.CreateClient();

        var text = Html.Text(await client.GetStringAsync("/practice-areas"));

        Assert.Contains("Immigration Practice Areas at The Piri Law Firm", text, StringComparison.Ordinal);
        Assert.Contains("Dedicated Immigration Defense Legal Services", text, StringComparison.Ordinal);
        Assert.Contains("We encourage you to contact our attorney’s office with any questions or concerns for a free 30-minute consultation.", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public async Task EachPracticeAreaPageIsARealPage(string slug)
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync($"/practice-areas/{slug}");
        var sections = Html.Headings(html, 2);

        // What it is, who may qualify (or who we help), how the firm helps, what to bring.
        Assert.Contains(sections, h => h.StartsWith("What ", StringComparison.Ordinal));
        Assert.Contains(sections, h => h.StartsWith("Who ", StringComparison.Ordinal));
        Assert.Contains("How The Piri Law Firm helps", sections);
        Assert.Contains("What to bring to your consultation", sections);
        Assert.True(Html.Text(html).Length > 2500, "a practice area page needs more than a blurb");
        Assert.Contains("general information, not legal advice", html, StringComparison.Ordinal);
    }

    public static TheoryData<string> Slugs => new(PublicRoutes.PracticeAreaSlugs);

    [Fact]
    public async Task UnknownPracticeAreaIsNotFoundWithNavigation()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/practice-areas/no-such-area");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We could not find that page", html, StringComparison.Ordinal);
        Assert.Contains("/practice-areas", Html.Hrefs(html));
    }

    [Fact]
    public async Task DraftAndFuturePracticeAreasAreNeitherListedNorServed()
    {
        // Its own site: the published control below would change the shared site's list of areas.
        using var site = new SiteFactory();
        await using (var scope = site.CreateDbScope())
        {
            scope.Db.PracticeAreas.AddRange(
                new PracticeArea { TranslationKey = "draft-area", Name = "Unfinished Draft Area", Slug = "unfinished-draft-area", Status = ContentStatus.Draft, DisplayOrder = 1 },
                new PracticeArea
                {
                    TranslationKey = "future-area", Name = "Area Opening Next Year", Slug = "area-opening-next-year",
                    Status = ContentStatus.Published, PublishedAt = DateTime.UtcNow.AddYears(1), DisplayOrder = 1,
                },
                new PracticeArea { TranslationKey = "live-area", Name = "Area Live Now", Slug = "area-live-now", Status = ContentStatus.Published, DisplayOrder = 1 });
            await scope.Db.SaveChangesAsync();
        }

        // Public pages read a cached copy of the published content: evict it as the editor's save path does, or the
        // new rows would be unseen whatever the status filter did. The area that is live now proves it.
        await site.Services.ReloadPublishedContentAsync();
        using var client = site.CreateClient();
        var index = await client.GetStringAsync("/practice-areas");

        Assert.Contains("/practice-areas/area-live-now", Html.Hrefs(index));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/practice-areas/area-live-now")).StatusCode);
        Assert.DoesNotContain("Unfinished Draft Area", index, StringComparison.Ordinal);
        Assert.DoesNotContain("Area Opening Next Year", index, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/practice-areas/unfinished-draft-area")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/practice-areas/area-opening-next-year")).StatusCode);
    }
}
