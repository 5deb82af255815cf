using Microsoft.Playwright;
using PiriSite.Browser.Tests.Infrastructure;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Browser.Tests;

[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public class PublicSiteTests(BrowserFixture browser)
{
    public static TheoryData<string> Routes
    {
        get
        {
            var routes = PublicRoutes.AllAsTheoryData();
            routes.Add("/no-such-page");
            // The home page, a practice area, the article and the consultation form in Spanish and French, and a
            // Spanish page that does not exist.
            foreach (var route in TranslatedSiteTests.Routes)
            {
                routes.Add(route);
            }

            routes.Add("/es/no-existe");
            return routes;
        }
    }

    [Theory]
    [Trait("Set", "Smoke")]
    [MemberData(nameof(Routes))]
    public async Task PagesRenderWithTheStylesheetApplied(string route)
    {
        var page = await browser.NewPageAsync();
        var stylesheetStatuses = new List<int>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "stylesheet")
            {
                stylesheetStatuses.Add(response.Status);
            }
        };

        await page.GotoAsync(route);

        Assert.Equal([200], stylesheetStatuses);
        var ruleCount = await page.EvaluateAsync<int>("() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)");
        Assert.True(ruleCount > 100, $"only {ruleCount} CSS rules loaded on {route}");
        var footerBackground = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-footer')).backgroundColor");
        Assert.Equal("rgb(12, 26, 51)", footerBackground);
        var headingFont = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).fontFamily");
        Assert.Contains("Georgia", headingFont, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Set", "Smoke")]
    public async Task NavigationReachesEveryPracticeAreaAndTheArticle()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Practice Areas" }).ClickAsync();
        Assert.EndsWith("/practice-areas", page.Url, StringComparison.Ordinal);
        var cards = page.Locator("main .card-link");
        var names = await cards.AllInnerTextsAsync();
        Assert.Equal(PublicRoutes.PracticeAreaSlugs.Length, names.Count);

        foreach (var name in names)
        {
            await page.Locator("main .card-link", new() { HasTextString = name }).First.ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
            await page.GoBackAsync();
        }

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Articles" }).ClickAsync();
        // Other tests publish articles on the same site: the seeded one is found by its title, not its place.
        await page.Locator("main .card-link", new() { HasTextString = "What is the ICE 287(g) Program?" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What is the ICE 287(g) Program?");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Table of contents" }).GetByRole(AriaRole.Link, new() { Name = "The Path Forward" }).ClickAsync();
        Assert.EndsWith("#the-path-forward", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("#the-path-forward").IsVisibleAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AxeFindsNoAccessibilityViolationsOnDesktop(string route) => await AssertNoAxeViolationsAsync(route, 1366);

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AxeFindsNoAccessibilityViolationsOnAPhone(string route) => await AssertNoAxeViolationsAsync(route, PhoneLayout.Width);

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task NoPageScrollsSidewaysOnAPhone(string route)
    {
        var page = await browser.NewPageAsync(PhoneLayout.Width, PhoneLayout.Height);

        await page.GotoAsync(route);

        await PhoneLayout.AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheSkipLinkTakesKeyboardUsersToTheContent()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/articles/" + PublicRoutes.ArticleSlug);

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // The next Tab lands inside the content, not back in the header.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ThePhoneNumberIsAClickToCallLinkInTheHeader()
    {
        var page = await browser.NewPageAsync(PhoneLayout.Width, PhoneLayout.Height);
        await page.GotoAsync("/");

        var call = page.Locator(".topbar-phone");

        Assert.True(await call.IsVisibleAsync());
        Assert.Equal("tel:+18336000029", await call.GetAttributeAsync("href"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheRealServerSendsNoServerBanner()
    {
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync("/");

        var headers = await response!.AllHeadersAsync();
        Assert.False(headers.ContainsKey("server"), "the Server header reveals the software");
        Assert.True(headers.ContainsKey("content-security-policy"));
        await page.Context.CloseAsync();
    }

    private async Task AssertNoAxeViolationsAsync(string route, int width)
    {
        var page = await browser.NewPageAsync(width, 900);
        await page.GotoAsync(route);
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
