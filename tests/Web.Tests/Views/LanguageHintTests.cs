using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Views;

/// <summary>
/// The English home page offers (never forces) the site in Spanish or French: a hidden link written in that language,
/// which a same-origin script shows when the browser prefers it. No cookie, no redirect, the same page for everyone.
/// </summary>
public class LanguageHintTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TheEnglishHomePageHoldsAHiddenLinkToEachOtherLanguageWrittenInIt()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<p class=\"language-hint\" lang=\"es\" data-language=\"es\" hidden><a href=\"/es\" hreflang=\"es\">Ver este sitio en español</a></p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"language-hint\" lang=\"fr\" data-language=\"fr\" hidden><a href=\"/fr\" hreflang=\"fr\">Consulter ce site en français</a></p>", html, StringComparison.Ordinal);
        Assert.Matches("<script src=\"/js/language-hint(\\.[a-z0-9]+)?\\.js\" defer></script>", html);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("/es")]
    [InlineData("/fr")]
    [InlineData("/articles")]
    public async Task OtherPagesOfferNothing(string route)
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(route);

        Assert.DoesNotContain("language-hint", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScriptReadsTheBrowsersLanguagesAndOnlyUnhidesTheHint()
    {
        using var client = factory.CreateClient();

        var script = await client.GetStringAsync("/js/language-hint.js");

        Assert.Contains("navigator.languages", script, StringComparison.Ordinal);
        Assert.Contains("hint.hidden = false", script, StringComparison.Ordinal);
        Assert.DoesNotContain("document.cookie", script, StringComparison.Ordinal);
        Assert.DoesNotContain("localStorage", script, StringComparison.Ordinal);
        Assert.DoesNotContain("location.", script, StringComparison.Ordinal);
    }
}
