using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PiriSite.Browser.Tests.Infrastructure;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Content;

namespace PiriSite.Browser.Tests;

/// <summary>
/// Issue 15: the editor's "Attorney review" fields and the dashboard's "Articles to review", on a phone and a desktop:
/// a past review-by day is refused at its field, the dashboard lists an overdue article. Axe on each screen.
/// </summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public class ReviewCadenceOnAPhoneTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task ThePastReviewByDayIsRefusedAtItsFieldAndTheDashboardListsTheOverdueArticle(int width, int height)
    {
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Attorney, width, height);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var title = $"Parole in place, reviewed {suffix}";
        await page.GotoAsync("/admin/articles/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Text (Markdown)").FillAsync("Parole in place is granted case by case.");
        await page.GetByLabel("Published").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Saved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as reviewed by the attorney today" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Marked as reviewed");

        var yesterday = DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(DateTime.UtcNow)).AddDays(-1);
        await page.GetByLabel("Review by").FillAsync(yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Fast-moving topic: review every 2 months").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#review-by-error")).ToContainTextAsync("cannot be in the past");
        await Assertions.Expect(page.GetByLabel("Fast-moving topic: review every 2 months")).ToBeCheckedAsync();
        await page.Locator("#review-schedule").ScrollIntoViewIfNeededAsync();
        await PhoneLayout.AssertFitsAsync(page, width);

        await using (var scope = browser.Factory.CreateDbScope())
        {
            var article = await scope.Db.Articles.SingleAsync(a => a.Title == title);
            article.MarkReviewed(DateTime.UtcNow.AddMonths(-7), "Michael Piri");
            await scope.Db.SaveChangesAsync();
        }

        await page.GotoAsync("/admin");
        var overdue = page.Locator("#reviews-overdue li").Filter(new() { HasText = title });
        await Assertions.Expect(overdue).ToContainTextAsync("days late");
        await page.Locator(".article-reviews").ScrollIntoViewIfNeededAsync();
        await PhoneLayout.AssertFitsAsync(page, width);
        await overdue.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync(title);
        await page.Context.CloseAsync();
    }
}
