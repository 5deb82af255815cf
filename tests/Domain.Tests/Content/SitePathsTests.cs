using PiriSite.Domain.Content;

namespace PiriSite.Domain.Tests.Content;

public class SitePathsTests
{
    [Theory]
    [InlineData("en", SiteSection.PracticeAreas, "/practice-areas")]
    [InlineData("es", SiteSection.PracticeAreas, "/es/areas-de-practica")]
    [InlineData("fr", SiteSection.PracticeAreas, "/fr/domaines-de-pratique")]
    [InlineData("es", SiteSection.Articles, "/es/articulos")]
    [InlineData("es", SiteSection.Consultation, "/es/consulta")]
    [InlineData("fr", SiteSection.ConsultationReceived, "/fr/consultation/recue")]
    [InlineData("es", SiteSection.Privacy, "/es/privacidad")]
    [InlineData("fr", SiteSection.Disclaimer, "/fr/mentions-legales")]
    [InlineData("en", SiteSection.About, "/about")]
    public void EachSectionHasItsTranslatedAddress(string language, SiteSection section, string path) =>
        Assert.Equal(path, SitePaths.Section(SiteLanguage.Of(language), section));

    [Fact]
    public void PagesKeepTheirSlugUnderTheTranslatedSection()
    {
        Assert.Equal("/es/areas-de-practica/asilo", SitePaths.PracticeArea(SiteLanguage.Spanish, "asilo"));
        Assert.Equal("/fr/articles/qu-est-ce-que-le-programme-287g-de-l-ice", SitePaths.Article(SiteLanguage.French, "qu-est-ce-que-le-programme-287g-de-l-ice"));
        Assert.Equal("/articles/feed.xml", SitePaths.Feed(SiteLanguage.English));
        Assert.Equal("/es/articulos/feed.xml", SitePaths.Feed(SiteLanguage.Spanish));
    }

    [Fact]
    public void HomeIsTheLanguagePrefix()
    {
        Assert.Equal("/", SitePaths.Home(SiteLanguage.English));
        Assert.Equal("/es", SitePaths.Home(SiteLanguage.Spanish));
        Assert.Equal("/fr", SitePaths.Home(SiteLanguage.French));
    }

    [Fact]
    public void RouteTemplatesAreTranslatedSegmentBySegmentKeepingParameters()
    {
        Assert.Equal("/es/consulta/form-token", SitePaths.Localize(SiteLanguage.Spanish, "consultation/form-token"));
        Assert.Equal("/fr/domaines-de-pratique/{slug}", SitePaths.Localize(SiteLanguage.French, "practice-areas/{slug}"));
        Assert.Equal("/es", SitePaths.Localize(SiteLanguage.Spanish, ""));
        Assert.Equal("/practice-areas/{slug}", SitePaths.Localize(SiteLanguage.English, "practice-areas/{slug}"));
    }

    [Theory]
    [InlineData("/", "en")]
    [InlineData("/es", "es")]
    [InlineData("/es/areas-de-practica/asilo", "es")]
    [InlineData("/FR/articles", "fr")]
    [InlineData("/fr", "fr")]
    [InlineData("/escape", "en")]
    [InlineData("/en/articles", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void TheLanguageComesFromTheFirstSegmentOfTheAddress(string? path, string language) =>
        Assert.Equal(language, SiteLanguage.FromPath(path).Code);

    [Fact]
    public void EverySupportedCultureIsALanguageAndEnglishComesFirst()
    {
        Assert.Equal(SiteCulture.Supported, SiteLanguage.All.Select(l => l.Code));
        Assert.True(SiteLanguage.All[0].IsEnglish);
    }

    [Theory]
    [InlineData("es-US", "es")]
    [InlineData("es", "es")]
    [InlineData("fr-FR", "fr")]
    [InlineData("en-US", "en")]
    [InlineData("de-DE", "en")]
    public void ACultureBelongsToItsLanguage(string culture, string language) =>
        Assert.Equal(language, SiteLanguage.FromCulture(new System.Globalization.CultureInfo(culture)).Code);
}
