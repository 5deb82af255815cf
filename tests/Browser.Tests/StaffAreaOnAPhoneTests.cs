using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PiriSite.Browser.Tests.Infrastructure;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Browser.Tests;

/// <summary>
/// The staff area's frame on a 390 px phone: a one-row header whose menu opens by tap or keyboard (and without
/// JavaScript), the staff error pages, the staff list and its confirmations, and two-factor set-up on the phone
/// itself; no page scrolls sideways and axe finds nothing, with the menu open and closed.
/// </summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public partial class StaffAreaOnAPhoneTests(BrowserFixture browser)
{
    private const int Width = 390;
    private const int Height = 844;

    [Fact]
    public async Task TheHeaderIsOneRowAndItsMenuOpensByKeyboardAndNavigates()
    {
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Attorney, Width, Height);
        var menu = page.Locator("summary.admin-menu-toggle");
        var staffLink = Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true });

        var header = await page.Locator("header.admin-header").BoundingBoxAsync();
        Assert.True(header!.Height <= 64, $"The header is {header.Height}px tall on a {Width}px phone");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(staffLink).ToBeHiddenAsync();

        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(staffLink).ToBeVisibleAsync();
        await Assertions.Expect(Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        // Escape closes it and leaves the focus on "Menu".
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(staffLink).ToBeHiddenAsync();
        await Assertions.Expect(menu).ToBeFocusedAsync();

        // Open again, tab to "Staff", and follow it.
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(staffLink).ToBeVisibleAsync();
        for (var i = 0; i < 12 && !await staffLink.EvaluateAsync<bool>("link => link === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(staffLink).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Staff accounts");
        await Assertions.Expect(page.Locator(".admin-nav a[href='/admin/staff']")).ToHaveAttributeAsync("aria-current", "page");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnAWideScreenTheNavigationIsInlineWithoutTheMenuButton()
    {
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Attorney, 1280, 900);

        await Assertions.Expect(page.Locator("summary.admin-menu-toggle")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Requests" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Consultation requests");
        var header = await page.Locator("header.admin-header").BoundingBoxAsync();
        Assert.True(header!.Height <= 110, $"The header is {header.Height}px tall at 1280px");
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WithoutJavaScriptTheMenuOpensOnAPhoneAndIsInlineOnAWideScreen()
    {
        var email = $"nojs.{Guid.NewGuid():N}@pirisite.test";
        var (_, key) = await StaffSessions.CreateAsync(browser.Factory, email, StaffRoles.Attorney);
        var page = await browser.NewPageAsync(Width, Height, javaScriptEnabled: false);
        await StaffBrowser.SignInAsync(page, email, key);

        var staffLink = Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true });
        await Assertions.Expect(staffLink).ToBeHiddenAsync();
        await page.Locator("summary.admin-menu-toggle").ClickAsync();
        await staffLink.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Staff accounts");

        await page.SetViewportSizeAsync(1280, 900);
        await Assertions.Expect(page.Locator("summary.admin-menu-toggle")).ToBeHiddenAsync();
        await Assertions.Expect(Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NoStaffScreenScrollsSidewaysAndAxeFindsNothingWithTheMenuOpenOrClosed()
    {
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Attorney, Width, Height);
        var rosa = await StaffMemberAsync("Rosa Diaz");

        foreach (var path in new[] { "/admin", "/admin/staff", "/admin/no-such-page", "/account/two-factor" })
        {
            await page.GotoAsync(path);
            await AssertFitsAndAccessibleAsync(page, path);
        }

        // The confirmation page, as the button reaches it.
        await page.GotoAsync("/admin/staff");
        await Card(page, rosa).GetByRole(AriaRole.Button, new() { NameRegex = DisableButton() }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Disable Rosa Diaz's account?");
        await AssertFitsAndAccessibleAsync(page, "the confirmation page");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EveryCheckboxAndRadioButtonIsAtLeast24PixelsSquare()
    {
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Attorney, Width, Height);
        var measured = 0;

        foreach (var path in new[] { "/admin/staff", "/admin/articles/new", "/admin/leads" })
        {
            await page.GotoAsync(path);
            foreach (var input in await page.Locator("main input[type=checkbox]:visible, main input[type=radio]:visible").AllAsync())
            {
                var box = await input.BoundingBoxAsync();
                Assert.True(box!.Width >= 24 && box.Height >= 24, $"{path}: a {await input.GetAttributeAsync("type")} is {box.Width}×{box.Height}px");
                measured++;
            }
        }

        Assert.True(measured >= 3, $"Only {measured} checkboxes and radio buttons were found");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DisablingAStaffMemberAsksFirstAndCancelChangesNothing()
    {
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Attorney, Width, Height);
        var pablo = await StaffMemberAsync("Pablo Ortiz");
        await page.GotoAsync("/admin/staff");

        await Card(page, pablo).GetByRole(AriaRole.Button, new() { NameRegex = DisableButton() }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Pablo Ortiz will no longer be able to sign in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Keep the account active" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Staff accounts");
        await Assertions.Expect(Card(page, pablo).Locator(".staff-facts")).ToContainTextAsync("Active");

        await Card(page, pablo).GetByRole(AriaRole.Button, new() { NameRegex = DisableButton() }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Disable Pablo Ortiz's account" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Pablo Ortiz");
        await Assertions.Expect(Card(page, pablo).Locator(".staff-facts")).ToContainTextAsync("Disabled");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ANewStaffMemberSetsUpTwoFactorOnTheirPhoneAndDownloadsTheRecoveryCodes()
    {
        var email = $"phone.{Guid.NewGuid():N}@pirisite.test";
        await StaffSessions.CreateAsync(browser.Factory, email, StaffRoles.Staff, withTwoFactor: false);
        var page = await browser.NewPageAsync(Width, Height);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StaffSessions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Set up two-factor sign-in");

        var link = page.GetByRole(AriaRole.Link, new() { Name = "Add to an authenticator app on this phone" });
        await Assertions.Expect(link).ToBeInViewportAsync();
        var key = await page.Locator("#shared-key-copy").InputValueAsync();
        await Assertions.Expect(link).ToHaveAttributeAsync("href", $"otpauth://totp/PiriSite:{Uri.EscapeDataString(email)}?secret={key}&issuer=PiriSite&digits=6");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy the key" })).ToBeVisibleAsync();
        await AssertFitsAndAccessibleAsync(page, "the two-factor set-up");

        await page.GetByLabel("Six-digit code").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        var codes = page.Locator("#recovery-codes code");
        await Assertions.Expect(codes).ToHaveCountAsync(10);

        // Each code on one line: as tall as one line of its text, not broken at its hyphen.
        foreach (var code in await codes.AllAsync())
        {
            var lineHeight = await code.EvaluateAsync<double>("c => parseFloat(getComputedStyle(c).fontSize) * 1.7");
            Assert.True((await code.BoundingBoxAsync())!.Height < lineHeight, $"{await code.InnerTextAsync()} breaks across lines");
        }

        // The file comes from the page itself (a data: address the site's CSP lets through), without JavaScript's help.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as a text file" }).ClickAsync());
        Assert.Equal("pirisite-recovery-codes.txt", download.SuggestedFilename);
        var file = await File.ReadAllTextAsync((await download.PathAsync())!);
        foreach (var code in await codes.AllInnerTextsAsync())
        {
            Assert.Contains(code, file, StringComparison.Ordinal);
        }

        await AssertFitsAndAccessibleAsync(page, "the recovery codes");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AStaffMemberAskingForAnAttorneysPageGetsTheStaffForbiddenPage()
    {
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Staff, Width, Height);

        var response = await page.GotoAsync("/admin/staff");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You do not have access to this page");
        await Assertions.Expect(page.Locator("summary.admin-menu-toggle")).ToBeVisibleAsync();
        await AssertFitsAndAccessibleAsync(page, "the staff 403 page");
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the dashboard" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await page.Context.CloseAsync();
    }

    private static ILocator Navigation(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" });

    private static ILocator Card(IPage page, StaffUser user) =>
        page.Locator(".staff-card").Filter(new() { Has = page.GetByText(user.Email!, new() { Exact = true }) });

    /// <summary>No sideways scroll at 390 and 375 px, and no axe violation, with the menu closed and then open.</summary>
    private static async Task AssertFitsAndAccessibleAsync(IPage page, string what)
    {
        var menu = page.Locator("details.admin-menu");
        foreach (var open in new[] { false, true })
        {
            await menu.EvaluateAsync("(details, open) => details.open = open", open);
            var width = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
            Assert.True(width <= Width, $"{what} is {width}px wide on a {Width}px phone (menu {(open ? "open" : "closed")})");
            await Axe.AssertNoViolationsAsync(page);
        }

        await menu.EvaluateAsync("details => details.open = false");
        await page.SetViewportSizeAsync(PhoneLayout.Width, PhoneLayout.Height);
        await PhoneLayout.AssertNoSidewaysScrollAsync(page);
        await page.SetViewportSizeAsync(Width, Height);
    }

    private async Task<StaffUser> StaffMemberAsync(string name)
    {
        var (user, _) = await StaffSessions.CreateAsync(browser.Factory, $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..6]}@pirisite.test", StaffRoles.Staff);
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        stored.DisplayName = name;
        await users.UpdateAsync(stored);
        return stored;
    }

    [GeneratedRegex("^Disable")]
    private static partial Regex DisableButton();
}
