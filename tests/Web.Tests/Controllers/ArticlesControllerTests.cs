using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Content;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers;

public class ArticlesControllerTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private const string ArticleUrl = "/articles/" + PublicRoutes.ArticleSlug;

    [Fact]
    public async Task TheArticleShowsEverySection()
    {
        using var client = factory.CreateClient();

        var page = await client.GetStringAsync(ArticleUrl);
        var html = Html.Article(page);

        Assert.Equal("What is the ICE 287(g) Program?", Html.Headings(page, 1).Single());
        Assert.Equal(
            [
                "Table of contents",
                "How the 287(g) Program Works",
                "The History of the 287(g) Program",
                "Goals of the 287(g) Program",
                "Criticisms and Controversies",
                "A Balanced Perspective on the 287(g) Program",
                "The Path Forward",
            ],
            Html.Headings(html, 2));
        Assert.Equal(
            [
                "1. Jail Enforcement Model",
                "2. Task Force Model",
                "3. Warrant Service Officer Model",
                "Racial Profiling and Civil Rights Concerns",
                "Erosion of Community Trust",
                "Resource Strain",
                "Disproportionate Impact on Non-Criminals",
            ],
            Html.Headings(html, 3));
        var text = Html.Text(html);
        Assert.Contains("Identifying and prioritizing individuals with criminal convictions for deportation.", text, StringComparison.Ordinal);
        Assert.Contains("remains essential for informed dialogue and advocacy.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTableOfContentsLinksToEveryHeading()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(ArticleUrl);
        var anchors = Html.Hrefs(Html.Article(html)).Where(h => h.StartsWith('#')).Select(h => h[1..]).ToList();

        Assert.Equal(13, anchors.Count);
        foreach (var id in anchors)
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("how-the-287g-program-works", anchors);
    }

    [Fact]
    public async Task TheArticleShowsAuthorDatesAndTheNotLegalAdviceNote()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(ArticleUrl);
        var text = Html.Text(html);

        Assert.Contains("By Michael Piri", text, StringComparison.Ordinal);
        Assert.Contains("Published", text, StringComparison.Ordinal);
        Assert.Matches("<time datetime=\"\\d{4}-\\d{2}-\\d{2}\">", html);
        Assert.Contains("general information, not legal advice", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheIndexListsThePublishedArticle()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/articles");

        Assert.Contains(ArticleUrl, Html.Hrefs(html));
    }

    [Fact]
    public async Task DraftAndFutureArticlesAreNotPublic()
    {
        await using (var scope = factory.CreateDbScope())
        {
            scope.Db.Articles.AddRange(
                // Taken back to draft after it was public: its publication date has passed, only its status hides it.
                new Article
                {
                    TranslationKey = "draft",
                    Title = "A Draft Not For Readers",
                    Slug = "a-draft",
                    Status = ContentStatus.Draft,
                    PublishedAt = DateTime.UtcNow.AddDays(-1),
                },
                new Article
                {
                    TranslationKey = "published-now",
                    Title = "Published A Minute Ago",
                    Slug = "published-a-minute-ago",
                    Status = ContentStatus.Published,
                    PublishedAt = DateTime.UtcNow.AddMinutes(-1),
                },
                new Article
                {
                    TranslationKey = "future",
                    Title = "Published Next Year",
                    Slug = "published-next-year",
                    Status = ContentStatus.Published,
                    PublishedAt = DateTime.UtcNow.AddYears(1),
                });
            await scope.Db.SaveChangesAsync();
        }

        // Public pages read a cached copy of the published content: evict it as the editor's save path does, or the
        // new rows would be unseen whatever the status filter did. The article published a minute ago proves it.
        await factory.Services.ReloadPublishedContentAsync();
        using var client = factory.CreateClient();
        var index = await client.GetStringAsync("/articles");

        Assert.Contains("/articles/published-a-minute-ago", Html.Hrefs(index));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/articles/published-a-minute-ago")).StatusCode);
        Assert.DoesNotContain("A Draft Not For Readers", index, StringComparison.Ordinal);
        Assert.DoesNotContain("Published Next Year", index, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/articles/a-draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/articles/published-next-year")).StatusCode);
    }

    [Fact]
    public async Task UnknownArticleIsNotFoundWithNavigation()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/articles/no-such-article");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<nav class=\"main-nav\"", html, StringComparison.Ordinal);
        Assert.Contains("noindex", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatesAreTheFirmsDayInDallasNotTheDayInUtc()
    {
        // 03:30 UTC on June 16 is 10:30 p.m. on June 15 in Dallas; 02:00 UTC on July 2 is 9 p.m. on July 1.
        var article = new Article
        {
            TranslationKey = "evening-dates",
            Culture = SiteCulture.English,
            Title = "Evening dates",
            Slug = "evening-dates",
            Summary = "Published in the evening.",
            BodyMarkdown = "Body.",
            BodyHtml = "<p>Body.</p>",
            AuthorName = "Michael Piri",
            Status = ContentStatus.Published,
            PublishedAt = new DateTime(2025, 6, 16, 3, 30, 0, DateTimeKind.Utc),
            UpdatedAt = new DateTime(2025, 6, 16, 3, 30, 0, DateTimeKind.Utc),
            ReviewedAt = new DateTime(2025, 7, 2, 2, 0, 0, DateTimeKind.Utc),
            ReviewedBy = "Michael Piri",
        };
        await using (var scope = factory.CreateDbScope())
        {
            scope.Db.Articles.Add(article);
            await scope.Db.SaveChangesAsync();
        }

        await factory.Services.ReloadPublishedContentAsync();
        using var client = factory.CreateClient();

        var page = await client.GetStringAsync("/articles/evening-dates");
        var index = await client.GetStringAsync("/articles");

        Assert.Contains("<time datetime=\"2025-06-15\">June 15, 2025</time>", page, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2025-07-01\">July 1, 2025</time>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("June 16, 2025", page, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2025-06-15\">June 15, 2025</time>", index, StringComparison.Ordinal);
    }
}
