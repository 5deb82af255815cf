using Microsoft.Playwright;
using PiriSite.Browser.Tests.Infrastructure;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Browser.Tests;

/// <summary>A new consultation request followed up in the inbox, as staff would, with axe on each screen.</summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public class LeadsTests(BrowserFixture browser)
{
    [Fact]
    public async Task StaffOpenANewRequestAddANoteChangeItsStatusAndExport()
    {
        // A person asks for a consultation through the public form.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/consultation");
        var name = $"Inbox Person {Guid.NewGuid().ToString("N")[..6]}";
        await visitor.GetByLabel("Full name").FillAsync(name);
        await visitor.GetByLabel("Phone", new() { Exact = true }).FillAsync("(214) 555-0199");
        await visitor.GetByLabel("Español (Spanish)").CheckAsync();
        await visitor.GetByLabel("Someone is detained now").CheckAsync();
        await visitor.GetByLabel("Tell us briefly what is happening").FillAsync("Mi esposo fue detenido anoche.");
        await visitor.GetByLabel(ConsultationNotice.CheckboxLabel).CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Thank you. We received your request.");
        var reference = await visitor.Locator("#reference").InnerTextAsync();
        await visitor.Context.CloseAsync();

        // Staff sign in and find it.
        var email = $"inbox.{Guid.NewGuid():N}@pirisite.test";
        var (_, key) = await StaffSessions.CreateAsync(browser.Factory, email, StaffRoles.Staff);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StaffSessions.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Requests" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Consultation requests");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(name);
        await Assertions.Expect(page.Locator(".urgent-banner")).ToContainTextAsync("someone is detained now");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Add a note").FillAsync("Llamé a la esposa; cita mañana a las 9.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Llamé a la esposa");

        await page.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = "Contacted" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("New → Contacted");
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/admin/leads?language=Spanish");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Export these to CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path);
        Assert.Contains(reference, csv, StringComparison.Ordinal);
        Assert.Contains(name, csv, StringComparison.Ordinal);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
