using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Content;
using PiriSite.Web.Services;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Tests.Infrastructure;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Tests.Localization;

/// <summary>The language switcher's targets (a translation's own slug, or the index's "not translated" notice) and its markup.</summary>
public sealed class LanguageSwitcherTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task ATranslatedPageLeadsToItsTranslatedSlugs()
    {
        var alternates = await TranslationsAsync(ContentKind.PracticeArea, "asylum");

        var links = Page(SiteLanguage.Spanish, alternates, SiteSection.PracticeAreas).LanguageLinks();

        Assert.Equal(
            [("en", "/practice-areas/asylum", false), ("es", "/es/areas-de-practica/asilo", true), ("fr", "/fr/domaines-de-pratique/asile", false)],
            links.Select(l => (l.Language.Code, l.Path, l.IsCurrent)));
    }

    [Fact]
    public async Task APageNotTranslatedLeadsToTheOtherLanguagesIndexAtTheNotice()
    {
        await using (var scope = factory.CreateDbScope())
        {
            scope.Db.Articles.Add(new Article
            {
                TranslationKey = "english-only", Title = "English only", Slug = "english-only", Status = ContentStatus.Published,
                PublishedAt = DateTime.UtcNow.AddDays(-1), UpdatedAt = DateTime.UtcNow.AddDays(-1), AuthorName = "Michael Piri",
            });
            await scope.Db.SaveChangesAsync();
        }

        await factory.Services.ReloadPublishedContentAsync();
        var alternates = await TranslationsAsync(ContentKind.Article, "english-only");

        var links = Page(SiteLanguage.English, alternates, SiteSection.Articles).LanguageLinks();

        Assert.Equal(
            [("en", "/articles/english-only", true), ("es", "/es/articulos#untranslated", false), ("fr", "/fr/articles#untranslated", false)],
            links.Select(l => (l.Language.Code, l.Path, l.IsCurrent)));
        Assert.Empty(Page(SiteLanguage.English, alternates, SiteSection.Articles).HreflangLinks());
    }

    [Fact]
    public void APageOutsideASectionLeadsToTheOtherLanguagesHomePage()
    {
        var links = Page(SiteLanguage.French, [], null).LanguageLinks();

        Assert.Equal(["/#untranslated", "/es#untranslated"], links.Where(l => !l.IsCurrent).Select(l => l.Path));
    }

    [Fact]
    public async Task TheSwitcherLinksTheOtherLanguagesAndMarksTheCurrentOne()
    {
        var page = Page(SiteLanguage.Spanish, await TranslationsAsync(ContentKind.PracticeArea, "asylum"), SiteSection.PracticeAreas);

        var html = await RenderAsync("_LanguageSwitcher", page);

        Assert.StartsWith("<nav class=\"language-switcher\" aria-label=\"", html.Trim()[html.Trim().IndexOf("<nav", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/practice-areas/asylum\" hreflang=\"en\" lang=\"en\">English</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><span aria-current=\"page\" lang=\"es\">Español</span></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/fr/domaines-de-pratique/asile\" hreflang=\"fr\" lang=\"fr\">Français</a></li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHeadNamesEveryTranslationWithAbsoluteAddressesAndTheEnglishAsDefault()
    {
        var page = Page(SiteLanguage.French, await TranslationsAsync(ContentKind.PracticeArea, "asylum"), SiteSection.PracticeAreas);

        var html = await RenderAsync("_HeadAlternates", page);

        Assert.Contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://www.example.test/practice-areas/asylum\">", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" hreflang=\"es\" href=\"https://www.example.test/es/areas-de-practica/asilo\">", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" hreflang=\"fr\" href=\"https://www.example.test/fr/domaines-de-pratique/asile\">", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://www.example.test/practice-areas/asylum\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:locale:alternate\" content=\"en_US\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:locale:alternate\" content=\"es_US\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("content=\"fr_FR\"", html, StringComparison.Ordinal);
        Assert.Empty((await RenderAsync("_HeadAlternates", page with { NoIndex = true })).Trim());
    }

    private static PageContext Page(SiteLanguage language, IReadOnlyList<PageAlternate> alternates, SiteSection? section) => new()
    {
        Origin = "https://www.example.test",
        CanonicalUrl = "https://www.example.test/x",
        Year = 2031,
        Language = language,
        Alternates = alternates,
        Section = section,
    };

    private async Task<IReadOnlyList<PageAlternate>> TranslationsAsync(ContentKind kind, string translationKey)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PublicContentService>().ListTranslationsAsync(kind, translationKey);
    }

    // The partial through the app's own view engine, as the layout will render it.
    private async Task<string> RenderAsync(string partial, PageContext model)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var http = new DefaultHttpContext { RequestServices = services };
        var action = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var found = services.GetRequiredService<ICompositeViewEngine>().GetView(null, $"~/Views/Shared/{partial}.cshtml", isMainPage: false);
        Assert.True(found.Success, $"{partial} not found");
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<PageContext>(services.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary()) { Model = model };
        var tempData = new TempDataDictionary(http, services.GetRequiredService<ITempDataProvider>());
        await found.View.RenderAsync(new ViewContext(action, found.View, viewData, tempData, writer, new HtmlHelperOptions()));
        return writer.ToString();
    }
}
