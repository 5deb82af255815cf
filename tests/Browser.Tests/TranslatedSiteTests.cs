using Microsoft.Playwright;
using PiriSite.Browser.Tests.Infrastructure;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Browser.Tests;

/// <summary>
/// The language switcher in a real browser: a keyboard reaches it and it leads to the same page in the other
/// language. (Axe and the phone check on the Spanish and French pages are in <see cref="PublicSiteTests"/>.)
/// </summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public class TranslatedSiteTests(BrowserFixture browser)
{
    // Far more than the header's stops (skip link, logo, phone, navigation, switcher): a switcher not reached by then
    // is not reachable in practice.
    private const int MaxTabs = 40;

    /// <summary>The home page, a practice area, the article and the consultation form, in Spanish and in French.</summary>
    public static IReadOnlyList<string> Routes
    {
        get
        {
            var routes = new List<string>();
            foreach (var language in new[] { SiteLanguage.Spanish, SiteLanguage.French })
            {
                routes.Add(SitePaths.Home(language));
                routes.Add(TranslatedRoutes.PracticeArea(language, "asylum"));
                routes.Add(TranslatedRoutes.Article(language));
                routes.Add(SitePaths.Section(language, SiteSection.Consultation));
            }

            return routes;
        }
    }

    [Theory]
    [Trait("Set", "Smoke")]
    [InlineData(1366)]
    [InlineData(PhoneLayout.Width)]
    public async Task KeyboardUsersReachTheLanguageSwitcherAndChangeLanguage(int width)
    {
        var page = await browser.NewPageAsync(width, PhoneLayout.Height);
        var english = TranslatedRoutes.PracticeArea(SiteLanguage.English, "asylum");
        var spanish = TranslatedRoutes.PracticeArea(SiteLanguage.Spanish, "asylum");
        await OpenAsync(page, english);

        await TabToSwitcherLinkAsync(page, "es");
        Assert.Equal("Español", await ActiveElementAsync(page, "el => el.textContent.trim()"));
        await FollowLinkAsync(page, spanish);
        Assert.Equal("es", await page.GetAttributeAsync("html", "lang"));

        await TabToSwitcherLinkAsync(page, "en");
        await FollowLinkAsync(page, english);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheCurrentLanguageIsNoKeyboardStop()
    {
        var page = await browser.NewPageAsync();
        await OpenAsync(page, SitePaths.Home(SiteLanguage.French));

        var current = page.Locator(".language-switcher [aria-current='page']");
        Assert.Equal("Français", (await current.TextContentAsync())?.Trim());
        Assert.Equal("SPAN", await current.EvaluateAsync<string>("el => el.tagName"));
        Assert.Equal(2, await page.Locator(".language-switcher a[href]").CountAsync());
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Presses Tab from the top of the page until the switcher's link to <paramref name="code"/> has the focus,
    /// and checks on the way that the switcher comes before the page's content and shows where the focus is.
    /// </summary>
    private static async Task TabToSwitcherLinkAsync(IPage page, string code)
    {
        var target = $".language-switcher a[hreflang='{code}']";
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        for (var tabs = 1; tabs <= MaxTabs; tabs++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await ActiveElementAsync(page, $"el => el.matches(\"{target}\")") == "true")
            {
                var outline = await ActiveElementAsync(page,
                    "el => { const s = getComputedStyle(el); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none' ? 'visible' : 'none'; }");
                Assert.True(outline == "visible", $"the focused switcher link ({code}) on {page.Url} shows no focus outline");
                return;
            }

            Assert.False(await ActiveElementAsync(page, "el => !!el.closest('main')") == "true",
                $"on {page.Url} the keyboard reached the page's content before the language switcher's link to \"{code}\"");
        }

        Assert.Fail($"{MaxTabs} presses of Tab on {page.Url} never reached the language switcher's link to \"{code}\"");
    }

    private static async Task FollowLinkAsync(IPage page, string path)
    {
        // The focused link leads to the same page in the other language...
        Assert.Equal(path, await ActiveElementAsync(page, "el => el.getAttribute('href')"));
        // ...and following it opens that page. (Enter on a focused link is the browser's own behaviour; on a busy
        // CI machine its navigation was sometimes not observed, so the test opens the link's address itself.)
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    private static async Task<string> ActiveElementAsync(IPage page, string expression) =>
        await page.EvaluateAsync<string>($"() => {{ const el = document.activeElement; return el ? String(({expression})(el)) : ''; }}");

    /// <summary>Opens the page and fails unless it is really there: a 404 page would pass axe and the phone check.</summary>
    private static async Task OpenAsync(IPage page, string route)
    {
        var response = await page.GotoAsync(route);
        Assert.True(response is { Status: 200 }, $"{route} answered {response?.Status}");
    }
}
