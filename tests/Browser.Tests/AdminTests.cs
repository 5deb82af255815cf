using Microsoft.Playwright;
using PiriSite.Browser.Tests.Infrastructure;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Browser.Tests;

/// <summary>The staff area used as the attorney would, in a real browser, with axe on every page.</summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public class AdminTests(BrowserFixture browser)
{
    private async Task<IPage> SignInAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@pirisite.test";
        var (_, key) = await StaffSessions.CreateAsync(browser.Factory, email, role);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StaffSessions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Two-factor sign-in");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        return page;
    }

    [Fact]
    [Trait("Set", "Smoke")]
    public async Task TheAttorneyEditsTheArticlePreviewsPublishesAndSeesItOnTheSite()
    {
        var page = await SignInAsync(StaffRoles.Attorney);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Articles" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "What is the ICE 287(g) Program?", Exact = true }).ClickAsync();
        var body = page.GetByLabel("Text (Markdown)");
        var text = await body.InputValueAsync();
        await body.FillAsync(text + "\n\n## A Note From the Attorney\n\nIf a family member was detained, call us at once.");

        // The preview opens the unsaved text in the public template, in a new tab.
        var preview = await page.Context.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync());
        await Assertions.Expect(preview.Locator("h2#a-note-from-the-attorney")).ToHaveTextAsync("A Note From the Attorney");
        await Assertions.Expect(preview.GetByRole(AriaRole.Navigation, new() { Name = "Table of contents" })).ToContainTextAsync("A Note From the Attorney");
        await Axe.AssertNoViolationsAsync(preview);
        await preview.CloseAsync();

        await page.GetByLabel("Published").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Saved.");

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/articles/what-is-the-ice-287g-program");
        await Assertions.Expect(visitor.Locator("#a-note-from-the-attorney")).ToHaveTextAsync("A Note From the Attorney");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Navigation, new() { Name = "Table of contents" })).ToContainTextAsync("A Note From the Attorney");
        await visitor.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AxeFindsNoViolationsOnAnyAdminPage()
    {
        var page = await SignInAsync(StaffRoles.Attorney);

        foreach (var path in new[]
        {
            "/admin", "/admin/articles", "/admin/articles?deleted=true", "/admin/articles/new", "/admin/practice-areas",
            "/admin/media", "/admin/firm", "/admin/staff", "/admin/audit", "/admin/outbox", "/account/password",
        })
        {
            await page.GotoAsync(path);
            await Axe.AssertNoViolationsAsync(page);
        }

        // Save the seeded article once, so that it has revisions to list and compare.
        await page.GotoAsync("/admin/articles");
        await page.GetByRole(AriaRole.Link, new() { Name = "What is the ICE 287(g) Program?", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Saved.");
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync("/admin/articles");
        await page.GetByRole(AriaRole.Link, new() { Name = "History of What is the ICE 287(g) Program?" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("main .revision-list a").First.ClickAsync();
        await Axe.AssertNoViolationsAsync(page);

        // A form with errors is accessible too.
        await page.GotoAsync("/admin/articles/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NoAdminPageScrollsSidewaysOnAPhone()
    {
        var page = await SignInAsync(StaffRoles.Attorney);
        await page.SetViewportSizeAsync(375, 812);

        foreach (var path in new[] { "/admin", "/admin/articles", "/admin/articles/new", "/admin/practice-areas", "/admin/media", "/admin/firm", "/admin/staff", "/admin/audit", "/admin/outbox" })
        {
            await page.GotoAsync(path);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 375, $"{path} is {width}px wide on a 375px phone");
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Set", "Smoke")]
    public async Task ANewStaffMemberSetsUpTwoFactorAtFirstSignIn()
    {
        var email = $"new.{Guid.NewGuid():N}@pirisite.test";
        await StaffSessions.CreateAsync(browser.Factory, email, StaffRoles.Staff, withTwoFactor: false);
        var page = await browser.NewPageAsync(375, 812);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StaffSessions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Set up two-factor sign-in");
        await Axe.AssertNoViolationsAsync(page);
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Six-digit code").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();

        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await Axe.AssertNoViolationsAsync(page);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"the page is {width}px wide on a 375px phone");
        await page.Context.CloseAsync();
    }
}
