using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>Issue 15: articles carry a review-by day, staff set it in the editor, the dashboard lists what is due.</summary>
public partial class ReviewCadenceTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(DateTime.UtcNow));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheAttorneysReviewSetsTheReviewByDaySixMonthsOnAndThePublicPageShowsOnlyTheReviewDate()
    {
        using var staff = await SignInAsync(StaffRoles.Staff);
        using var attorney = await SignInAsync(StaffRoles.Attorney);
        var id = await CreateAsync(staff, "cadence-review");

        await ReviewAsync(attorney, id);

        var article = await FindAsync(id);
        Assert.Equal(Today.AddMonths(6), article.ReviewBy);
        Assert.Contains($"value=\"{Day(Today.AddMonths(6))}\"", await staff.GetStringAsync($"/admin/articles/{id}/edit"), StringComparison.Ordinal);
        var page = await factory.CreateClient().GetStringAsync("/articles/cadence-review");
        Assert.Contains("Reviewed by attorney", page, StringComparison.Ordinal);
        Assert.Contains(Today.ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US")), page, StringComparison.Ordinal);
        Assert.DoesNotContain(Today.AddMonths(6).ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US")), page, StringComparison.Ordinal);
        Assert.DoesNotContain("review by", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheEditorSavesAChosenReviewByDayAndTheFastMovingFlagWithAnAuditEntry()
    {
        using var staff = await SignInAsync(StaffRoles.Staff);
        using var attorney = await SignInAsync(StaffRoles.Attorney);
        var id = await CreateAsync(staff, "cadence-chosen");
        await ReviewAsync(attorney, id);

        var response = await SaveAsync(staff, id, "cadence-chosen", ("ReviewBy", Day(Today.AddDays(10))), ("FastMoving", "true"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var article = await FindAsync(id);
        Assert.Equal((Today.AddDays(10), true), (article.ReviewBy, article.FastMoving));
        await using var scope = factory.CreateDbScope();
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == "Article review schedule changed" && a.Target!.Contains("cadence-chosen")));

        // Unticking it, the date untouched: back to the standard default from the last review.
        await SaveAsync(staff, id, "cadence-chosen", ("ReviewBy", Day(Today.AddDays(10))));
        Assert.Equal((Today.AddMonths(6), false), ((await FindAsync(id)).ReviewBy, (await FindAsync(id)).FastMoving));
    }

    [Fact]
    public async Task APastReviewByDayIsRefusedAtItsFieldKeepingWhatWasTyped()
    {
        using var staff = await SignInAsync(StaffRoles.Staff);
        using var attorney = await SignInAsync(StaffRoles.Attorney);
        var id = await CreateAsync(staff, "cadence-past");
        await ReviewAsync(attorney, id);

        var response = await SaveAsync(staff, id, "cadence-past", ("Title", "Typed title kept"), ("ReviewBy", Day(Today.AddDays(-3))), ("FastMoving", "true"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Matches("<p class=\"field-error\" id=\"review-by-error\">.*cannot be in the past", page);
        Assert.Contains($"value=\"{Day(Today.AddDays(-3))}\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"review-by-hint review-by-error\" aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Typed title kept\"", page, StringComparison.Ordinal);
        Assert.Matches("id=\"FastMoving\"[^>]*checked", page);
        Assert.Equal((Today.AddMonths(6), false), ((await FindAsync(id)).ReviewBy, (await FindAsync(id)).FastMoving));
    }

    [Fact]
    public async Task TheDashboardListsAnOverdueArticleAndOneDueSoonButNotOneDueLater()
    {
        using var staff = await SignInAsync(StaffRoles.Staff);
        var overdue = await CreateAsync(staff, "cadence-overdue", "Overdue cadence article");
        var soon = await CreateAsync(staff, "cadence-soon", "Soon cadence article");
        var later = await CreateAsync(staff, "cadence-later", "Later cadence article");
        await using (var scope = factory.CreateDbScope())
        {
            var articles = await scope.Db.Articles.Where(a => a.Id == overdue || a.Id == soon || a.Id == later).ToListAsync();
            articles.Single(a => a.Id == overdue).MarkReviewed(DateTime.UtcNow.AddMonths(-7), "Michael Piri");
            articles.Single(a => a.Id == soon).MarkReviewed(DateTime.UtcNow.AddDays(-1), "Michael Piri");
            articles.Single(a => a.Id == soon).ScheduleReview(fastMoving: true, chosen: Today.AddDays(12));
            articles.Single(a => a.Id == later).MarkReviewed(DateTime.UtcNow, "Michael Piri");
            await scope.Db.SaveChangesAsync();
        }

        var dashboard = await staff.GetStringAsync("/admin");

        var overdueList = Section(dashboard, "reviews-overdue");
        Assert.Contains($"href=\"/admin/articles/{overdue}/edit\" lang=\"en\">Overdue cadence article</a>", overdueList, StringComparison.Ordinal);
        Assert.Contains("days late", overdueList, StringComparison.Ordinal);
        var soonList = Section(dashboard, "reviews-soon");
        Assert.Contains($"href=\"/admin/articles/{soon}/edit\" lang=\"en\">Soon cadence article</a>", soonList, StringComparison.Ordinal);
        Assert.Contains("in 12 days", soonList, StringComparison.Ordinal);
        Assert.Contains("Fast-moving", soonList, StringComparison.Ordinal);
        var reviews = dashboard[dashboard.IndexOf("id=\"article-reviews-title\"", StringComparison.Ordinal)..dashboard.IndexOf("id=\"translations-title\"", StringComparison.Ordinal)];
        Assert.DoesNotContain("Later cadence article", reviews, StringComparison.Ordinal);
        Assert.DoesNotContain("Soon cadence article", overdueList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The287gArticleIsSeededAsFastMovingInEveryLanguage()
    {
        await using var scope = factory.CreateDbScope();
        var seeded = await scope.Db.Articles.Where(a => a.TranslationKey == "ice-287g-program").Select(a => new { a.Culture, a.FastMoving }).ToListAsync();

        Assert.Equal(3, seeded.Count);
        Assert.All(seeded, a => Assert.True(a.FastMoving, a.Culture));
    }

    [Fact]
    public async Task TheOverdueRuleAnswersTheSameInTheDatabaseAsInMemory()
    {
        using var staff = await SignInAsync(StaffRoles.Staff);
        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await CreateAsync(staff, $"cadence-rule-{i}"));
        }

        await using var scope = factory.CreateDbScope();
        var articles = await scope.Db.Articles.Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync();
        articles[1].MarkReviewed(DateTime.UtcNow.AddMonths(-7), "Michael Piri");
        articles[2].MarkReviewed(DateTime.UtcNow, "Michael Piri");
        articles[3].MarkReviewed(DateTime.UtcNow.AddMonths(-1), "Michael Piri");
        articles[3].WithdrawReview(DateTime.UtcNow);
        await scope.Db.SaveChangesAsync();
        var now = DateTime.UtcNow;

        var inDatabase = await scope.Db.Articles.Where(a => ids.Contains(a.Id)).Where(ReviewCadence.Overdue(now)).Select(a => a.Id).OrderBy(id => id).ToListAsync();

        Assert.Equal(articles.Where(a => ReviewCadence.IsOverdue(a, now)).Select(a => a.Id), inDatabase);
        Assert.Equal([ids[0], ids[1], ids[3]], inDatabase);
    }

    [Fact]
    public async Task TheInitialiserGivesAnArticleReviewedBeforeTheCadenceItsReviewByDayOnce()
    {
        using var staff = await SignInAsync(StaffRoles.Staff);
        var id = await CreateAsync(staff, "cadence-backfill");
        await using var scope = factory.CreateDbScope();
        var reviewed = new DateTime(2026, 8, 31, 18, 0, 0, DateTimeKind.Utc);
        await scope.Db.Database.ExecuteSqlAsync($"""UPDATE "Articles" SET "ReviewedAt" = {reviewed}, "ReviewedBy" = 'Michael Piri', "ReviewBy" = NULL WHERE "Id" = {id}""");

        await scope.Services.GetRequiredService<SiteDbInitialiser>().InitialiseAsync();
        await scope.Services.GetRequiredService<SiteDbInitialiser>().InitialiseAsync();

        Assert.Equal(new DateOnly(2027, 2, 28), (await FindAsync(id)).ReviewBy);
    }

    private async Task<Article> FindAsync(int id)
    {
        await using var scope = factory.CreateDbScope();
        return await scope.Db.Articles.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    private async Task<HttpClient> SignInAsync(string role)
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, $"cadence.{Guid.NewGuid():N}@pirisite.test", role);
        return await StaffSessions.SignInAsync(factory, user.Email!, key);
    }

    private static async Task<int> CreateAsync(HttpClient staff, string slug, string? title = null)
    {
        var page = await staff.GetStringAsync("/admin/articles/new");
        var response = await staff.PostAsync("/admin/articles/new", Fields(page, Editor(slug, title, "0")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);
    }

    // Posts the editor of article id with its stored text, changed by the given fields.
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient staff, int id, string slug, params (string Name, string Value)[] changes)
    {
        var page = await staff.GetStringAsync($"/admin/articles/{id}/edit");
        var version = VersionField().Match(page).Groups[1].Value;
        var fields = Editor(slug, null, version).Where(f => changes.All(c => c.Name != f.Name)).Concat(changes).ToArray();
        return await staff.PostAsync($"/admin/articles/{id}/edit", Fields(page, fields));
    }

    private static async Task ReviewAsync(HttpClient attorney, int id)
    {
        var page = await attorney.GetStringAsync($"/admin/articles/{id}/edit");
        var response = await attorney.PostAsync($"/admin/articles/{id}/review", Fields(page, ("version", VersionField().Match(page).Groups[1].Value)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static (string Name, string Value)[] Editor(string slug, string? title, string version) =>
    [
        ("Title", title ?? $"Cadence {slug}"), ("Slug", slug), ("Summary", "What changes."), ("BodyMarkdown", "The rules change often."),
        ("Status", "Published"), ("PublishAt", ""), ("Version", version),
    ];

    private static FormUrlEncodedContent Fields(string pageWithToken, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", StaffSessions.AntiforgeryToken(pageWithToken))));

    // The dashboard list with that id, up to its end.
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no list {id} on the dashboard");
        return html[start..html.IndexOf("</ol>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
