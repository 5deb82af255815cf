using Microsoft.Playwright;
using PiriSite.Browser.Tests.Infrastructure;
using PiriSite.Domain.Accounts;

namespace PiriSite.Browser.Tests;

/// <summary>
/// Issue 18's staff screens on a phone and a desktop: the topic list, a topic's editor refusing bad input at its field
/// with what was typed kept, and the paged, searchable articles list. Nothing scrolls sideways; axe finds nothing.
/// </summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public class TopicsOnAPhoneTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(PhoneLayout.Width, PhoneLayout.Height)]
    [InlineData(1280, 900)]
    public async Task TheTopicListItsEditorAndTheArticleSearchFitTheScreen(int width, int height)
    {
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Staff, width, height);

        await page.GotoAsync("/admin/topics");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Topics");
        await PhoneLayout.AssertFitsAsync(page, width);

        await page.GetByRole(AriaRole.Link, new() { Name = "Asylum", Exact = true }).ClickAsync();
        await page.GetByLabel("Name (English)").FillAsync("");
        await page.GetByLabel("Address (Spanish)").FillAsync("Not An Address!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#Name-en-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Slug-es-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Address (Spanish)")).ToHaveValueAsync("Not An Address!");
        await Assertions.Expect(page.GetByLabel("Name (French)")).ToHaveValueAsync("Asile");
        await PhoneLayout.AssertFitsAsync(page, width);

        await page.GotoAsync("/admin/articles");
        await page.GetByRole(AriaRole.Searchbox).FillAsync("287(g)");
        await page.GetByRole(AriaRole.Searchbox).PressAsync("Enter");
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("287(g)");
        await PhoneLayout.AssertFitsAsync(page, width);
        await page.Context.CloseAsync();
    }
}
