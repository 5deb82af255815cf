using PiriSite.Domain.Content;
using PiriSite.Web.Services.Seo;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Tests.ViewModels;

/// <summary>What the public layout derives from a page's context.</summary>
public class PageContextTests
{
    private static PageContext Page(string? title, FirmProfile? firm = null) => new()
    {
        Firm = firm,
        Title = title,
        Origin = "https://www.example.test",
        CanonicalUrl = "https://www.example.test/articles/x",
        Year = 2031,
    };

    [Theory]
    [InlineData("Immigration Articles", "Immigration Articles | The Piri Law Firm")]
    [InlineData("The Piri Law Firm | Immigration Attorney", "The Piri Law Firm | Immigration Attorney")]
    [InlineData("", "The Piri Law Firm")]
    [InlineData(null, "The Piri Law Firm")]
    public void TheTitleNamesTheFirmOnce(string? title, string expected) =>
        Assert.Equal(expected, Page(title).FullTitle);

    [Fact]
    public void WithoutAFirmProfileThereIsNoStructuredDataButTheTrail()
    {
        var page = Page("Asylum") with { Breadcrumbs = [new Breadcrumb("Home", "/"), new Breadcrumb("Asylum", "/practice-areas/asylum")] };

        var nodes = page.StructuredDataNodes();

        var trail = Assert.Single(nodes);
        Assert.Equal("BreadcrumbList", trail["@type"]?.GetValue<string>());
        Assert.Equal("https://www.example.test/practice-areas/asylum", trail["itemListElement"]?[1]?["item"]?.GetValue<string>());
    }

    [Fact]
    public void ASharedLinkShowsThePagesOwnTitleAndTheSocialCard()
    {
        var page = Page("Asylum");

        Assert.Equal("Asylum", page.ShareTitle);
        Assert.Equal($"https://www.example.test/{SocialCard.FileName}", page.SocialCardUrl);
        Assert.Equal("The Piri Law Firm", page.SocialCardAlt);
    }

    [Fact]
    public void EachLanguageSharesItsOwnSocialCard()
    {
        Assert.Equal($"https://www.example.test/es/{SocialCard.FileName}", (Page("Asilo") with { Language = SiteLanguage.Spanish }).SocialCardUrl);
        Assert.Equal($"https://www.example.test/fr/{SocialCard.FileName}", (Page("Asile") with { Language = SiteLanguage.French }).SocialCardUrl);
    }

    [Fact]
    public void WithoutAnEnglishVersionThereIsNoDefaultLanguageAndOneLanguageHasNoAlternates()
    {
        var spanishOnly = Page("Solo en español") with { Language = SiteLanguage.Spanish, Alternates = [new(SiteLanguage.Spanish, "/es/articulos/solo")] };
        var twoLanguages = spanishOnly with { Alternates = [new(SiteLanguage.Spanish, "/es/articulos/solo"), new(SiteLanguage.French, "/fr/articles/seul")] };

        Assert.Empty(spanishOnly.HreflangLinks());
        Assert.Empty(spanishOnly.OpenGraphLocaleAlternates);
        Assert.Equal(["es", "fr"], twoLanguages.HreflangLinks().Select(l => l.Hreflang));
        Assert.Equal(["fr_FR"], twoLanguages.OpenGraphLocaleAlternates);
        Assert.Equal("/es/articulos/feed.xml", twoLanguages.FeedPath);
    }
}
