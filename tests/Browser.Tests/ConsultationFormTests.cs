using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PiriSite.Browser.Tests.Infrastructure;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Browser.Tests;

/// <summary>The consultation form used as a person would: found by its labels, by mouse and keyboard.</summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public partial class ConsultationFormTests(BrowserFixture browser)
{
    // The words of the notice's box as the database has them now (another test may have made a new version).
    private async Task<string> CheckboxLabelAsync(string culture = "en") =>
        (await SeededNotices.CurrentAsync(browser.Factory, culture)).CheckboxLabel;

    [Theory]
    [Trait("Set", "Smoke")]
    [InlineData(1366)]
    [InlineData(375)]
    public async Task APersonFixesAnErrorAndIsConfirmedWithAReference(int width)
    {
        var page = await browser.NewPageAsync(width, 900);
        await page.GotoAsync("/consultation");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Full name").FillAsync("Amadou Diallo");
        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("(972) 555-0123");
        await page.GetByLabel("Français (French)").CheckAsync();
        await page.GetByLabel("Phone call").CheckAsync();
        await page.GetByLabel("What is your question about?").SelectOptionAsync(new SelectOptionValue { Label = "Asylum" });
        await page.GetByLabel("Someone is detained now").CheckAsync();
        await page.GetByLabel("Tell us briefly what is happening").FillAsync("Mon cousin a été arrêté ce matin à Dallas.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();

        // Forgot the acknowledgement: the summary has focus, the field says why, and nothing typed is lost.
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        Assert.Contains("Please tick the box", await page.Locator("#error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Please tick the box", await page.Locator("#Acknowledged-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Amadou Diallo", await page.GetByLabel("Full name").InputValueAsync());
        Assert.True(await page.GetByLabel("Français (French)").IsCheckedAsync());
        Assert.Equal("Mon cousin a été arrêté ce matin à Dallas.", await page.GetByLabel("Tell us briefly what is happening").InputValueAsync());
        await Axe.AssertNoViolationsAsync(page);

        // The summary's link takes the person to the field.
        await page.Locator("#error-summary a").First.ClickAsync();
        await page.GetByLabel(await CheckboxLabelAsync()).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Thank you. We received your request.");
        Assert.Matches(ReferencePattern(), await page.Locator("#reference").InnerTextAsync());
        Assert.EndsWith("/consultation/received", page.Url, StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Set", "Smoke")]
    public async Task APersonFixesAnErrorInSpanishAndIsConfirmedInSpanish()
    {
        var page = await browser.NewPageAsync(375, 900);
        await page.GotoAsync("/es/consulta");

        // The page's language is preselected; the person keeps it.
        Assert.True(await page.GetByLabel("Español", new() { Exact = true }).IsCheckedAsync());
        await page.GetByLabel("Nombre completo").FillAsync("Sofía Ramírez");
        await page.GetByLabel("Teléfono", new() { Exact = true }).FillAsync("(972) 555-0123");
        await page.GetByLabel("Llamada telefónica").CheckAsync();
        await page.GetByLabel("¿Sobre qué tema es su consulta?").SelectOptionAsync(new SelectOptionValue { Label = "Asilo" });
        await page.GetByLabel("Alguien está detenido en este momento").CheckAsync();
        var description = page.GetByLabel("Cuéntenos brevemente qué está pasando");
        await description.FillAsync("Detuvieron a mi esposo esta mañana en Irving.");
        Assert.Equal("45 de 4,000 caracteres", await page.Locator("#description-count").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar mi solicitud" }).ClickAsync();

        // Forgot the acknowledgement: the message is in Spanish, and nothing typed is lost.
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        Assert.Contains("Marque la casilla", await page.Locator("#error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Marque la casilla", await page.Locator("#Acknowledged-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Please", await page.Locator("form.consult-form").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Sofía Ramírez", await page.GetByLabel("Nombre completo").InputValueAsync());
        Assert.Equal("(972) 555-0123", await page.GetByLabel("Teléfono", new() { Exact = true }).InputValueAsync());
        Assert.True(await page.GetByLabel("Alguien está detenido en este momento").IsCheckedAsync());
        Assert.Equal("Detuvieron a mi esposo esta mañana en Irving.", await description.InputValueAsync());
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel(await CheckboxLabelAsync("es")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar mi solicitud" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Gracias. Recibimos su solicitud.");
        Assert.Matches(ReferencePattern(), await page.Locator("#reference").InnerTextAsync());
        Assert.EndsWith("/es/consulta/recibida", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Set", "Smoke")]
    public async Task TheShortFormOnACachedPageSendsInOnePress()
    {
        // Another visitor's visit puts the page in the cache; this visitor gets the shared copy.
        var other = await browser.NewPageAsync();
        await other.GotoAsync("/practice-areas/asylum");
        await other.Context.CloseAsync();

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/practice-areas/asylum");
        var form = page.Locator("form.consult-form");
        await FillShortFormAsync(form);
        await form.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Thank you. We received your request.");
        Assert.Matches(ReferencePattern(), await page.Locator("#reference").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheShortFormWithoutJavaScriptComesBackFilledInAndSendsAtTheSecondPress()
    {
        var page = await browser.NewPageAsync(javaScriptEnabled: false);
        await page.GotoAsync("/practice-areas/asylum");
        var form = page.Locator("form.consult-form");
        await FillShortFormAsync(form);
        await form.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();

        // The cached page's form had no token of this visitor's: nothing is lost, one more press sends it.
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Your request is not sent yet");
        Assert.Equal("Sofía Ramírez", await page.GetByLabel("Full name").InputValueAsync());
        Assert.True(await page.GetByLabel(await CheckboxLabelAsync()).IsCheckedAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Thank you. We received your request.");
        Assert.Matches(ReferencePattern(), await page.Locator("#reference").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    private async Task FillShortFormAsync(ILocator form)
    {
        await form.GetByLabel("Full name").FillAsync("Sofía Ramírez");
        await form.GetByLabel("Email").FillAsync("sofia.ramirez@example.com");
        await form.GetByLabel("Español (Spanish)").CheckAsync();
        await form.GetByLabel("Neither").CheckAsync();
        await form.GetByLabel(await CheckboxLabelAsync()).CheckAsync();
    }

    [Fact]
    public async Task TheDescriptionCounterFollowsTheTyping()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/consultation");
        var description = page.GetByLabel("Tell us briefly what is happening");

        await description.FillAsync("Twelve chars");
        Assert.Equal("12 of 4,000 characters", await page.Locator("#description-count").InnerTextAsync());

        await description.FillAsync(new string('x', 4005));
        Assert.Equal("4,005 of 4,000 characters (5 too many)", await page.Locator("#description-count").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheFormCanBeFilledAndSentWithTheKeyboardAlone()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/consultation");

        await page.GetByLabel("Full name").FocusAsync();
        await page.Keyboard.TypeAsync("Keyboard User");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("2145550100");
        await page.Keyboard.PressAsync("Tab"); // email, left empty
        await page.Keyboard.PressAsync("Tab"); // the language radio group
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.GetByLabel("English", new() { Exact = true }).IsCheckedAsync());

        await page.GetByLabel("Neither").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByLabel(await CheckboxLabelAsync()).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Send my request", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");

        var errors = await page.Locator("#error-summary").CountAsync() > 0 ? await page.Locator("#error-summary").InnerTextAsync() : "";
        Assert.Equal("", errors);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Thank you. We received your request.");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("^PR-[2-9A-HJ-KMNP-Z]{6}$")]
    private static partial Regex ReferencePattern();
}
