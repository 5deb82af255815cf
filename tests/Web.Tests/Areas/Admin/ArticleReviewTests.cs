using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>The attorney's review vouches for the text the attorney read, and for no later text.</summary>
public partial class ArticleReviewTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private const string ReviewBadge = "Reviewed by attorney";

    [Fact]
    public async Task AStaffEditOfTheTextTakesTheReviewOffThePublicPageUntilTheAttorneyReviewsAgain()
    {
        using var staff = await SignInAsync(StaffRoles.Staff);
        using var attorney = await SignInAsync(StaffRoles.Attorney);
        using var visitor = factory.CreateClient();
        var id = await SaveAsync(staff, null, "Asylum Deadlines", "asylum-deadlines", "The one-year deadline applies to every claim.", seoDescription: "");

        await ReviewAsync(attorney, id);
        var reviewed = await visitor.GetStringAsync("/articles/asylum-deadlines");
        Assert.Contains(ReviewBadge, reviewed, StringComparison.Ordinal);
        Assert.True(Review(reviewed) is { By: not null, Last: not null }, "JSON-LD has reviewedBy and lastReviewed");

        // A search description or the address is not the legal text: the review stands.
        await SaveAsync(staff, id, "Asylum Deadlines", "asylum-deadlines", "The one-year deadline applies to every claim.", seoDescription: "When to file for asylum.");
        var described = await visitor.GetStringAsync("/articles/asylum-deadlines");
        Assert.Contains("When to file for asylum.", described, StringComparison.Ordinal);
        Assert.Contains(ReviewBadge, described, StringComparison.Ordinal);

        await SaveAsync(staff, id, "Asylum Deadlines", "asylum-deadlines", "The one-year deadline applies to most claims.", seoDescription: "When to file for asylum.");
        // The same visitor, straight after the save: the cached page was evicted, the public sees the change at once.
        var edited = await visitor.GetStringAsync("/articles/asylum-deadlines");
        Assert.Contains("applies to most claims", edited, StringComparison.Ordinal);
        Assert.DoesNotContain(ReviewBadge, edited, StringComparison.Ordinal);
        Assert.Equal((null, null), Review(edited));

        await ReviewAsync(attorney, id);
        var reviewedAgain = await visitor.GetStringAsync("/articles/asylum-deadlines");
        Assert.Contains(ReviewBadge, reviewedAgain, StringComparison.Ordinal);
        Assert.True(Review(reviewedAgain) is { By: not null, Last: not null }, "JSON-LD has reviewedBy and lastReviewed again");
    }

    [Theory]
    [InlineData("Title")]
    [InlineData("Summary")]
    public async Task AChangedTitleOrSummaryAlsoTakesTheReviewOff(string field)
    {
        using var staff = await SignInAsync(StaffRoles.Staff);
        using var attorney = await SignInAsync(StaffRoles.Attorney);
        using var visitor = factory.CreateClient();
        var slug = $"work-permits-{field.ToLowerInvariant()}";
        var id = await SaveAsync(staff, null, "Work Permits", slug, "Text.", seoDescription: "");
        await ReviewAsync(attorney, id);
        Assert.Contains(ReviewBadge, await visitor.GetStringAsync($"/articles/{slug}"), StringComparison.Ordinal);

        await SaveAsync(staff, id, field == "Title" ? "Work Permits in 2027" : "Work Permits", slug, "Text.", seoDescription: "", summary: field == "Summary" ? "A new summary." : null);

        Assert.DoesNotContain(ReviewBadge, await visitor.GetStringAsync($"/articles/{slug}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAttorneyCannotReviewATextChangedAfterTheyOpenedIt()
    {
        using var staff = await SignInAsync(StaffRoles.Staff);
        using var attorney = await SignInAsync(StaffRoles.Attorney);
        using var visitor = factory.CreateClient();
        var id = await SaveAsync(staff, null, "Visa Bulletin", "visa-bulletin", "Dates move each month.", seoDescription: "");
        var (attorneyPage, openedVersion) = await EditPageAsync(attorney, id);

        await SaveAsync(staff, id, "Visa Bulletin", "visa-bulletin", "Dates move each month, sometimes back.", seoDescription: "");
        var response = await attorney.PostAsync($"/admin/articles/{id}/review", Form(attorneyPage, ("version", openedVersion.ToString(CultureInfo.InvariantCulture))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("it was not marked as reviewed", await attorney.GetStringAsync(response.Headers.Location), StringComparison.Ordinal);
        Assert.DoesNotContain(ReviewBadge, await visitor.GetStringAsync("/articles/visa-bulletin"), StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignInAsync(string role)
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, $"review.{Guid.NewGuid():N}@pirisite.test", role);
        return await StaffSessions.SignInAsync(factory, user.Email!, key);
    }

    private static async Task<int> SaveAsync(HttpClient client, int? id, string title, string slug, string body, string seoDescription, string? summary = null)
    {
        var (page, version) = id is { } existing ? await EditPageAsync(client, existing) : (await client.GetStringAsync("/admin/articles/new"), 0);
        var response = await client.PostAsync(id is null ? "/admin/articles/new" : $"/admin/articles/{id}/edit", Form(page,
            ("Title", title), ("Slug", slug), ("Summary", summary ?? "What the deadlines are."), ("BodyMarkdown", body), ("SeoTitle", ""),
            ("SeoDescription", seoDescription), ("Status", "Published"), ("PublishAt", ""), ("Version", version.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return id ?? int.Parse(response.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);
    }

    private static async Task ReviewAsync(HttpClient attorney, int id)
    {
        var (page, version) = await EditPageAsync(attorney, id);
        var response = await attorney.PostAsync($"/admin/articles/{id}/review", Form(page, ("version", version.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Marked as reviewed by the attorney today.", await attorney.GetStringAsync(response.Headers.Location), StringComparison.Ordinal);
    }

    private static async Task<(string Page, int Version)> EditPageAsync(HttpClient client, int id)
    {
        var page = await client.GetStringAsync($"/admin/articles/{id}/edit");
        return (page, int.Parse(Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static FormUrlEncodedContent Form(string pageWithToken, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", StaffSessions.AntiforgeryToken(pageWithToken))));

    /// <summary>The WebPage node's reviewedBy name and lastReviewed in the page's JSON-LD.</summary>
    private static (string? By, string? Last) Review(string html)
    {
        using var document = JsonDocument.Parse(JsonLd().Match(html).Groups[1].Value);
        var page = document.RootElement.GetProperty("@graph").EnumerateArray()
            .Single(node => node.GetProperty("@type").ValueKind == JsonValueKind.String && node.GetProperty("@type").GetString() == "WebPage");
        return (page.TryGetProperty("reviewedBy", out var by) ? by.GetProperty("name").GetString() : null,
            page.TryGetProperty("lastReviewed", out var last) ? last.GetString() : null);
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();
}
