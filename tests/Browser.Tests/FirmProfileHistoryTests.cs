using Microsoft.Playwright;
using PiriSite.Browser.Tests.Infrastructure;
using PiriSite.Domain.Accounts;

namespace PiriSite.Browser.Tests;

/// <summary>
/// The attorney edits the Spanish About page and advertising notice, finds the save in the profile's history in
/// words, and sees the changed words in its comparison, on a phone and on a desktop; the public footer carries the
/// three legal texts. Axe on each screen, no sideways scroll.
/// </summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public class FirmProfileHistoryTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task AnEditOfTheAboutPageIsInTheHistoryInWordsAndItsComparisonMarksTheWords(int width, int height)
    {
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Attorney, width, height);
        var marker = $"Horario ampliado {width}";
        await page.GotoAsync("/admin/firm?culture=es");
        await PhoneLayout.AssertFitsAsync(page, width);
        var about = page.GetByLabel("About page (Markdown)");
        await about.FillAsync(await about.InputValueAsync() + $"\n\n{marker}: abrimos los sábados.");
        var notice = page.GetByLabel("Attorney advertising notice (footer)");
        await notice.FillAsync(await notice.InputValueAsync() + $" {marker}.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the Spanish profile" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("was saved");

        await page.GetByRole(AriaRole.Link, new() { Name = "History of the Spanish profile" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("History of the Spanish firm profile");
        await Assertions.Expect(page.Locator(".revision").First).ToContainTextAsync("Advertising disclaimer, About page");
        await PhoneLayout.AssertFitsAsync(page, width);

        await page.Locator(".revision").First.GetByRole(AriaRole.Link, new() { NameRegex = new("^See changes") }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Changes in revision");
        await Assertions.Expect(page.Locator(".diff-text ins").Last).ToContainTextAsync(marker);
        await Assertions.Expect(page.Locator(".before-after ins")).ToContainTextAsync(marker);
        await PhoneLayout.AssertFitsAsync(page, width);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheSpanishFooterShowsTheThreeLegalTextsOnAPhone()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync("/es");
        var footer = page.Locator(".footer-legal");
        await Assertions.Expect(footer).ToContainTextAsync("Abogado responsable: Michael Piri");
        await Assertions.Expect(footer).ToContainTextAsync("Oficina principal: Dallas, Texas");
        await footer.ScrollIntoViewIfNeededAsync();
        await PhoneLayout.AssertFitsAsync(page, 390);
        await page.Context.CloseAsync();
    }
}
