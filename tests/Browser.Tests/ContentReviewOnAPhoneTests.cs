using Microsoft.Playwright;
using PiriSite.Browser.Tests.Infrastructure;
using PiriSite.Domain.Accounts;
using PiriSite.Data;

namespace PiriSite.Browser.Tests;

/// <summary>
/// The attorney reviews an edit on a phone (390 × 844): a one-word change to a long article is found on the first
/// screen of its comparison, the history says what changed, and restoring or deleting asks first. Axe on each screen.
/// </summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public class ContentReviewOnAPhoneTests(BrowserFixture browser)
{
    private const int Width = 390;
    private const int Height = 844;

    [Fact]
    public async Task AOneWordEditOfTheLongArticleIsHighlightedOnTheFirstScreenOfItsComparison()
    {
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Attorney, Width, Height);
        var (id, title) = await CopyOfTheLongArticleAsync(page);

        await page.GotoAsync($"/admin/articles/{id}/edit");
        await AssertFitsThePhoneAsync(page);
        var body = page.GetByLabel("Text (Markdown)");
        var text = await body.InputValueAsync();
        Assert.Contains("expanded considerably", text, StringComparison.Ordinal);
        await body.FillAsync(text.Replace("expanded considerably", "expanded substantially", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Saved.");

        // The history says which field each save changed.
        await page.GetByRole(AriaRole.Link, new() { Name = "History of changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("History of changes");
        await Assertions.Expect(page.Locator(".revision").First).ToContainTextAsync("Text");
        await AssertFitsThePhoneAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "See changes in revision 2" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Changes in revision 2");
        await Assertions.Expect(page.Locator("#diff-summary")).ToContainTextAsync("1 change");
        var added = page.Locator(".diff-text ins");
        await Assertions.Expect(added).ToHaveTextAsync("substantially");
        await Assertions.Expect(page.Locator(".diff-text del")).ToHaveTextAsync("considerably");
        var box = await added.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y >= 0 && box.Y + box.Height <= Height, $"the changed word is at y={box.Y} on a {Height}px screen");
        // The paragraphs far from the change are counted, not shown.
        await Assertions.Expect(page.Locator(".diff-gap").First).ToContainTextAsync("unchanged paragraphs");
        Assert.DoesNotContain("Jail Enforcement Model", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertFitsThePhoneAsync(page);

        // Restoring the first revision asks first, and says what will happen.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Restore revision 2…" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Older: revision 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore revision 1…" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Restore revision 1?");
        await Assertions.Expect(page.Locator(".confirmation")).ToContainTextAsync("The current text stays in the history as revision 2");
        await AssertFitsThePhoneAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Keep the current text" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("History of changes");
        await Assertions.Expect(page.Locator(".revision")).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Button, new() { Name = "Restore revision 1", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Restore revision 1?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore revision 1", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Revision 1 is the current version again");
        Assert.Contains("expanded considerably", await page.GetByLabel("Text (Markdown)").InputValueAsync(), StringComparison.Ordinal);

        // Delete is alone at the end of the editor, and asks first.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete this article…" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Delete this article?");
        await AssertFitsThePhoneAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Keep it" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync(title);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PreviewOpensAtTheContentOnAPhone()
    {
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Attorney, Width, Height);
        var (id, _) = await CopyOfTheLongArticleAsync(page);
        await page.GotoAsync($"/admin/articles/{id}/edit");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("An unsaved title");

        var preview = await page.Context.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync());
        Assert.EndsWith("#main", preview.Url, StringComparison.Ordinal);
        // The page scrolls (smoothly) to its content, below the public site's header: main's top reaches the screen's top.
        await preview.WaitForFunctionAsync("() => window.scrollY > 0 && Math.abs(document.querySelector('main').getBoundingClientRect().top) < 2");
        await Assertions.Expect(preview.Locator("main h1")).ToHaveTextAsync("An unsaved title");
        await Assertions.Expect(preview.Locator("main h1")).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    // A copy of the seeded 287(g) article (the longest text), made through the editor, so the test owns its history.
    private static async Task<(int Id, string Title)> CopyOfTheLongArticleAsync(IPage page)
    {
        // The seeded text itself, as other tests may change the seeded article.
        await using var seed = typeof(SiteDbContext).Assembly.GetManifestResourceStream("Seed/articles/what-is-the-ice-287g-program.md")!;
        var body = await new StreamReader(seed).ReadToEndAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var title = $"The 287(g) Program, reviewed {suffix}";
        await page.GotoAsync("/admin/articles/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Address").FillAsync($"the-287g-program-{suffix}");
        await page.GetByLabel("Summary", new() { Exact = true }).FillAsync("What 287(g) agreements let local officers do.");
        await page.GetByLabel("Text (Markdown)").FillAsync(body);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Saved.");
        return (int.Parse(page.Url.Split('/')[^2], System.Globalization.CultureInfo.InvariantCulture), title);
    }

    // Axe finds nothing, nothing is wider than the phone, and every button and form control is at least 24 × 24 px.
    private static async Task AssertFitsThePhoneAsync(IPage page)
    {
        await Axe.AssertNoViolationsAsync(page);
        var width = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
        Assert.True(width <= Width, $"{page.Url} is {width}px wide on a {Width}px phone");
        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main button, main input:not([type=hidden]), main select, main a.btn')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.width < 24 || r.height < 24); })
                .map(e => e.outerHTML.slice(0, 80))
            """);
        Assert.True(small.Length == 0, $"targets smaller than 24 × 24 px on {page.Url}: {string.Join(" | ", small)}");
    }
}
