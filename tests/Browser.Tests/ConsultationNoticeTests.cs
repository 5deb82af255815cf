using Microsoft.Playwright;
using PiriSite.Browser.Tests.Infrastructure;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Browser.Tests;

/// <summary>The Attorney's consultation notice page, on a phone and a desktop: readable, no sideways scroll, axe-clean, errors at their field.</summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public class ConsultationNoticeTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task TheNoticePageReadsWellAndSaysWhatIsWrongAtTheField(int width, int height)
    {
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Attorney, width, height);
        await page.GotoAsync("/admin/consultation-notice?culture=es");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Consultation notice (Spanish)");
        await Assertions.Expect(page.Locator(".notice-meta")).ToContainTextAsync("in force since");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width);
        await Axe.AssertNoViolationsAsync(page);

        // Saved empty: refused, said at the field, the box's words kept as typed.
        await page.GetByLabel("Notice", new() { Exact = true }).FillAsync("");
        await page.GetByLabel("Words of the tick box").FillAsync("He leído el aviso.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();

        await Assertions.Expect(page.Locator("#Text-error")).ToContainTextAsync("Write the notice");
        Assert.Equal("He leído el aviso.", await page.GetByLabel("Words of the tick box").InputValueAsync());
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width);
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Set", "Smoke")]
    public async Task TheFrenchFormOnAPhoneShowsTheNoticeFromTheDatabase()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync("/fr/consultation");
        var french = await SeededNotices.CurrentAsync(browser.Factory, "fr");

        await Assertions.Expect(page.Locator("#notice-text")).ToContainTextAsync(french.Text);
        await Assertions.Expect(page.GetByLabel(french.CheckboxLabel)).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        await page.Context.CloseAsync();
    }
}
