using Microsoft.Playwright;
using PiriSite.Browser.Tests.Infrastructure;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Areas.Admin;

namespace PiriSite.Browser.Tests;

/// <summary>The advertising archive, a snapshot's page with a refused filing, and a comparison on a 390 × 844 phone: no sideways scroll, axe finds nothing.</summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public class AdvertisingArchiveOnAPhoneTests(BrowserFixture browser)
{
    private const int Width = 390;

    [Fact]
    public async Task TheAttorneyReadsTheArchiveAndASnapshotOnAPhone()
    {
        // The site is shared by every browser test: these pages are the test's own.
        var key = $"phone-archive-{Guid.NewGuid():N}"[..30];
        const string before = "Our firm represents people facing removal in Dallas immigration court.\n\nCall us for a consultation in English, Spanish or French.";
        const string after = "Our firm represents people facing removal in every Texas immigration court.\n\nCall us for a consultation in English, Spanish or French.";
        var first = await AdvertisingSnapshots.AddAsync(browser.Factory, key, "es", AdvertisingSnapshots.FirmNoon(12), before,
            title: "Defensa contra la deportación en los tribunales de inmigración de Texas", reason: "Article published");
        var second = await AdvertisingSnapshots.AddAsync(browser.Factory, key, "es", AdvertisingSnapshots.FirmNoon(1), after, before,
            title: "Defensa contra la deportación en los tribunales de inmigración de Texas", reason: "Article edited and published again");

        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Attorney, Width, 844);
        await page.GotoAsync("/admin/advertising");
        await Assertions.Expect(page.Locator("#to-file-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($".adv-to-file a[href='/admin/advertising/{first}']")).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await Axe.AssertNoViolationsAsync(page);

        await page.Locator($".adv-table a[href='/admin/advertising/{second}']").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "View as the public saw it" })).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await Axe.AssertNoViolationsAsync(page);

        // A refused filing: the errors at their fields, still no sideways scroll.
        await page.GetByLabel("Filed with the State Bar").CheckAsync();
        await page.GetByLabel("Filing reference").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the filing record" }).ClickAsync();
        await Assertions.Expect(page.Locator("#FilingReference-error")).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/admin/advertising/compare?from={first}&to={second}");
        await Assertions.Expect(page.Locator("ins").First).ToHaveTextAsync("every Texas");
        await AssertFitsAsync(page);
        await Axe.AssertNoViolationsAsync(page);
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Width, $"{page.Url} is {scrollWidth}px wide on a {Width}px screen");
    }
}
