using Microsoft.Playwright;
using PiriSite.Browser.Tests.Infrastructure;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Browser.Tests;

/// <summary>
/// A new consultation request followed up as staff would, on a phone first (390 × 844), with axe on each state of
/// the request's page: as it opens, with an error, and in quarantine.
/// </summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public class LeadsTests(BrowserFixture browser)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    private async Task<string> AddRequestAsync(string name, SpamVerdict verdict = SpamVerdict.NotSpam, string description = "Mi esposo fue detenido anoche.")
    {
        await using var scope = browser.Factory.CreateDbScope();
        var request = ConsultationRequest.Create(
            new ConsultationDetails(name, "(214) 555-0199", "familia.ejemplo@example.com", ContactLanguage.Spanish, ContactMethod.TextMessage,
                null, verdict == SpamVerdict.NotSpam ? Urgency.Detained : Urgency.None, null, description),
            ConsultationReference.Generate(), Guid.NewGuid(), DateTime.UtcNow, "/es/consulta", "es", verdict,
            await SeededNotices.CurrentAsync(browser.Factory, "es"));
        scope.Db.ConsultationRequests.Add(request);
        await scope.Db.SaveChangesAsync();
        return request.Reference;
    }

    private static Task<float> TopAsync(ILocator locator) =>
        locator.EvaluateAsync<float>("e => e.getBoundingClientRect().top + window.scrollY");

    /// <summary>
    /// Every control in the page's main content, radio buttons included, is at least 24 × 24 CSS pixels (WCAG 2.2
    /// target size); links inside a sentence are the rule's exception and are left out.
    /// </summary>
    private static async Task AssertTapTargetsAsync(IPage page)
    {
        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main button, main input:not([type=hidden]), main select, main textarea, main a.btn, main .lead-back a')]
                .map(e => [e, e.getBoundingClientRect()])
                .filter(([e, r]) => r.width > 0 && (r.width < 24 || r.height < 24))
                .map(([e, r]) => `${e.outerHTML.slice(0, 80)} ${Math.round(r.width)}x${Math.round(r.height)}`)
            """);
        Assert.True(small.Length == 0, string.Join("\n", small));
    }

    private static async Task AssertFitsThePhoneAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
        Assert.True(width <= PhoneWidth, $"{page.Url} is {width}px wide on a {PhoneWidth}px phone");
    }

    [Fact]
    [Trait("Set", "Smoke")]
    public async Task OnAPhoneATypedNoteSurvivesAStatusChangeAndTheSaveReturnsToTheForm()
    {
        var name = $"Phone Person {Guid.NewGuid().ToString("N")[..6]}";
        var reference = await AddRequestAsync(name);
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Staff, PhoneWidth, PhoneHeight);

        await page.GotoAsync($"/admin/leads/{reference}");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator(".urgent-banner")).ToContainTextAsync("someone is detained now");
        await Assertions.Expect(page.Locator(".lead-status")).ToHaveTextAsync("Status: New");
        await Assertions.Expect(page.Locator(".lead-next")).ToContainTextAsync("Call or write back: nobody has answered yet.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Call (214) 555-0199" })).ToHaveAttributeAsync("href", "tel:+12145550199");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Text (214) 555-0199" })).ToHaveAttributeAsync("href", "sms:+12145550199");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Email familia.ejemplo@example.com" })).ToHaveAttributeAsync("href", "mailto:familia.ejemplo@example.com");
        // The reference stays on one line.
        var referenceBox = (await page.Locator(".lead-head .lead-reference").BoundingBoxAsync())!;
        Assert.True(referenceBox.Height < 30, $"the reference is {referenceBox.Height}px high");
        // Nothing is chosen for the person: the status stays unless they pick a move.
        await Assertions.Expect(page.GetByLabel("Keep as New")).ToBeCheckedAsync();
        // The status and the note are within the first screen and a half.
        Assert.True(await TopAsync(page.Locator("#Status-keep")) < PhoneHeight * 1.5, "the status choice is more than 1.5 screens down");
        Assert.True(await TopAsync(page.GetByLabel("Add a note")) < PhoneHeight * 1.5, "the note is more than 1.5 screens down");
        await AssertFitsThePhoneAsync(page);
        await AssertTapTargetsAsync(page);
        await Axe.AssertNoViolationsAsync(page);

        // A note typed first, then a status chosen: one Save keeps both.
        await page.GetByLabel("Add a note").FillAsync("Llamé a la esposa; cita mañana a las 9.");
        await page.GetByLabel("Contacted", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await page.WaitForURLAsync($"**/admin/leads/{reference}#update");
        await Assertions.Expect(page.Locator("#update .lead-saved")).ToHaveTextAsync("Saved: status changed to Contacted, note added.");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Llamé a la esposa; cita mañana a las 9.");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("New → Contacted");
        await Assertions.Expect(page.Locator(".lead-status")).ToHaveTextAsync("Status: Contacted");
        // Back where the person was: at the form, not at the top of the page.
        await page.WaitForFunctionAsync("() => window.scrollY > 0");
        await page.WaitForFunctionAsync("() => { const r = document.getElementById('update').getBoundingClientRect(); return r.top >= -1 && r.top < window.innerHeight / 2; }");
        await Assertions.Expect(page.GetByLabel("Keep as Contacted")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Add a note")).ToHaveValueAsync("");
        await Axe.AssertNoViolationsAsync(page);

        // A smaller phone: still no sideways scroll.
        await page.SetViewportSizeAsync(PhoneLayout.Width, PhoneLayout.Height);
        await PhoneLayout.AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnAPhoneAnErrorIsShownAtTheFormWithEverythingTypedKept()
    {
        var reference = await AddRequestAsync($"Error Person {Guid.NewGuid().ToString("N")[..6]}");
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Staff, PhoneWidth, PhoneHeight);
        await page.GotoAsync($"/admin/leads/{reference}");
        var tooLong = string.Concat(Enumerable.Repeat("Todo lo que dijo. ", 250));

        await page.GetByLabel("Add a note").FillAsync(tooLong);
        await page.GetByLabel("Consultation scheduled").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#update .error-summary")).ToContainTextAsync("Nothing was saved");
        await Assertions.Expect(page.Locator("#Note-error")).ToContainTextAsync("shorten it to 4,000 or fewer");
        await Assertions.Expect(page.GetByLabel("Add a note")).ToHaveValueAsync(tooLong);
        await Assertions.Expect(page.GetByLabel("Add a note")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Consultation scheduled")).ToBeCheckedAsync();
        // The summary has the focus, so the page opens at the form (the form's address ends in #update),
        // and a screen reader reads what is wrong.
        await page.WaitForFunctionAsync("() => document.activeElement.id === 'update-errors'");
        Assert.True(await page.EvaluateAsync<bool>("() => { const r = document.getElementById('update-errors').getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }"),
            "the error summary is not wholly on the screen");
        await Assertions.Expect(page.Locator(".lead-status")).ToHaveTextAsync("Status: New");
        await AssertFitsThePhoneAsync(page);
        await AssertTapTargetsAsync(page);
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnAPhoneSuspectedSpamSaysWhyAndIsMarkedGenuineWithTheNoteTyped()
    {
        var name = $"Seo Seller {Guid.NewGuid().ToString("N")[..6]}";
        var reference = await AddRequestAsync(name, SpamVerdict.ContainsLink, "Boost your ranking today at https://seo.example.com");
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Attorney, PhoneWidth, PhoneHeight);
        await page.GotoAsync($"/admin/leads/{reference}");

        await Assertions.Expect(page.Locator(".lead-spam-banner")).ToHaveTextAsync("Suspected spam: The description contains a web link.");
        await Assertions.Expect(page.Locator(".lead-status")).ToHaveTextAsync("Status: Spam");
        await Assertions.Expect(page.GetByLabel("Keep as Spam")).ToBeCheckedAsync();
        await AssertFitsThePhoneAsync(page);
        await AssertTapTargetsAsync(page);
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Add a note").FillAsync("Checked: a real person after all.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as genuine" }).ClickAsync();

        await Assertions.Expect(page.Locator(".lead-status")).ToHaveTextAsync("Status: New");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Checked: a real person after all.");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Spam → New");

        // The deletion is a step away from Save and asks first; Cancel keeps the request.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete permanently…" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Delete this request permanently?");
        await Assertions.Expect(page.Locator(".confirmation-items")).ToContainTextAsync(reference);
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel: keep the request" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Set", "Smoke")]
    public async Task StaffFindANewRequestInTheInboxAndExportIt()
    {
        // A person asks for a consultation through the public form.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/consultation");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var name = $"Inbox Person {tag}";
        await visitor.GetByLabel("Full name").FillAsync(name);
        await visitor.GetByLabel("Phone", new() { Exact = true }).FillAsync("(214) 555-0199");
        await visitor.GetByLabel("Español (Spanish)").CheckAsync();
        await visitor.GetByLabel("Someone is detained now").CheckAsync();
        await visitor.GetByLabel("Tell us briefly what is happening").FillAsync("Mi esposo fue detenido anoche.");
        await visitor.GetByLabel((await SeededNotices.CurrentAsync(browser.Factory)).CheckboxLabel).CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Thank you. We received your request.");
        var reference = await visitor.Locator("#reference").InnerTextAsync();
        await visitor.Context.CloseAsync();

        // Staff sign in, search for it by a part of the name typed in capitals (each engine's trigram index, case
        // ignored) and open it at desktop width.
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Staff);
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Requests" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Consultation requests");
        await page.GetByLabel("Search name, email, phone or description").FillAsync($"person {tag}".ToUpperInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".result-count")).ToHaveTextAsync("1 request matching your search");
        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator(".lead-head .lead-reference")).ToHaveTextAsync(reference);
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
