using Microsoft.Playwright;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Browser.Tests.Infrastructure;

/// <summary>A member of staff signed in through the real sign-in pages, with their authenticator code.</summary>
public static class StaffBrowser
{
    /// <summary>Creates an account in <paramref name="role"/> and signs it in on a new page of the given size.</summary>
    public static async Task<IPage> SignInAsync(BrowserFixture browser, string role, int width = 1366, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@pirisite.test";
        var (_, key) = await StaffSessions.CreateAsync(browser.Factory, email, role);
        var page = await browser.NewPageAsync(width, height);
        await SignInAsync(page, email, key);
        return page;
    }

    /// <summary>Signs an existing account in on <paramref name="page"/> (which may have JavaScript off).</summary>
    public static async Task SignInAsync(IPage page, string email, string authenticatorKey)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StaffSessions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(authenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
    }
}
