using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Content;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Localization;

/// <summary>Every public page at its Spanish and French address, in that language; 404s and redirects per language.</summary>
public sealed partial class LocalizedRoutesTests : IDisposable
{
    private readonly SiteFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>The seeded site's pages in Spanish and French (the consultation pages are the "consult" helper's).</summary>
    public static TheoryData<string, string, string> TranslatedPages() => new()
    {
        { "/es", "es", "The Piri Law Firm | Abogado de inmigración en" },
        { "/es/areas-de-practica", "es", "Áreas de práctica en inmigración" },
        { "/es/areas-de-practica/asilo", "es", "Abogado de asilo en Dallas" },
        { "/es/articulos", "es", "Artículos sobre inmigración" },
        { "/es/articulos/que-es-el-programa-287g-de-ice", "es", "¿Qué es el programa 287(g) de ICE?" },
        { "/es/acerca-de", "es", "Acerca de The Piri Law Firm" },
        { "/es/privacidad", "es", "Política de privacidad" },
        { "/es/aviso-legal", "es", "Aviso legal" },
        { "/fr", "fr", "The Piri Law Firm | Avocat en droit de l’immigration à" },
        { "/fr/domaines-de-pratique", "fr", "Domaines de pratique en droit de l’immigration" },
        { "/fr/domaines-de-pratique/asile", "fr", "Avocat en droit d’asile" },
        { "/fr/articles", "fr", "Articles sur l’immigration" },
        { "/fr/articles/qu-est-ce-que-le-programme-287g-de-l-ice", "fr", "Qu’est-ce que le programme 287(g) de l’ICE" },
        { "/fr/a-propos", "fr", "À propos de The Piri Law Firm" },
        { "/fr/confidentialite", "fr", "Politique de confidentialité" },
        { "/fr/mentions-legales", "fr", "Mentions légales" },
    };

    [Theory]
    [MemberData(nameof(TranslatedPages))]
    public async Task EveryPageAnswersInItsLanguage(string path, string language, string titleStart)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Equal(SiteFactory.BaseAddress + path, Html.Canonical(html));
        Assert.StartsWith(titleStart, Html.Title(html), StringComparison.Ordinal);
        Assert.Equal(language == "es" ? "es_US" : "fr_FR", Meta(html, "og:locale"));
        Assert.Equal($"{SiteFactory.BaseAddress}/{language}/social-card.png", Meta(html, "og:image"));
        Assert.Contains($"\"inLanguage\":\"{language}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishPagesKeepTheirAddressesAndLanguage()
    {
        using var client = _factory.CreateClient();

        foreach (var path in PublicRoutes.All.Where(p => p != "/consultation"))
        {
            var html = await client.GetStringAsync(path);
            Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
            Assert.Contains("\"inLanguage\":\"en\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ThePagesOfOneLanguageListOnlyThatLanguagesContent()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync("/es/areas-de-practica");

        Assert.Contains("Asilo", Html.Headings(html, 3).Concat(Html.Headings(html, 2)));
        Assert.DoesNotContain("Asylum", Html.Headings(html, 3).Concat(Html.Headings(html, 2)));
    }

    [Theory]
    [InlineData("/es/no-existe", "es", "Página no encontrada")]
    [InlineData("/es/articulos/no-existe", "es", "Página no encontrada")]
    [InlineData("/es/areas-de-practica/asylum-typo", "es", "Página no encontrada")]
    [InlineData("/fr/articles/introuvable", "fr", "Page introuvable")]
    [InlineData("/articles/nope", "en", "Page not found")]
    public async Task AMissingPageIsA404InTheVisitorsLanguage(string path, string language, string title)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.StartsWith(title, Html.Title(html), StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnArticleNotTranslatedIsA404AtTheOtherLanguagesAddressButNotMissingFromItsIndex()
    {
        await AddEnglishArticleAsync("only-in-english");
        using var client = _factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/articles/only-in-english")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/es/articulos/only-in-english")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/es/articulos")).StatusCode);
        Assert.DoesNotContain("only-in-english", await client.GetStringAsync("/es/articulos"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARenamedSpanishSlugRedirectsToItsNewSpanishAddress()
    {
        await using (var scope = _factory.CreateDbScope())
        {
            var asilo = await scope.Db.PracticeAreas.SingleAsync(p => p.Culture == SiteCulture.Spanish && p.Slug == "asilo");
            asilo.Slug = "asilo-politico";
            scope.Db.SlugRedirects.Add(new SlugRedirect { Kind = ContentKind.PracticeArea, Culture = SiteCulture.Spanish, OldSlug = "asilo", ContentId = asilo.Id });
            await scope.Db.SaveChangesAsync();
        }

        await _factory.Services.ReloadPublishedContentAsync();
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/es/areas-de-practica/asilo");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/es/areas-de-practica/asilo-politico", response.Headers.Location?.OriginalString);
        // The English page, whose slug did not change, is untouched.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/practice-areas/asylum")).StatusCode);
    }

    [Theory]
    [InlineData("/es/areas-de-practica/asylum", "/es/areas-de-practica/asilo")]
    [InlineData("/fr/domaines-de-pratique/asilo", "/fr/domaines-de-pratique/asile")]
    [InlineData("/practice-areas/asile", "/practice-areas/asylum")]
    [InlineData("/es/articulos/what-is-the-ice-287g-program", "/es/articulos/que-es-el-programa-287g-de-ice")]
    public async Task AnotherLanguagesSlugLeadsToThisLanguagesTranslation(string path, string location)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    private async Task AddEnglishArticleAsync(string slug)
    {
        await using (var scope = _factory.CreateDbScope())
        {
            scope.Db.Articles.Add(new Article
            {
                TranslationKey = slug, Title = slug, Slug = slug, Status = ContentStatus.Published,
                PublishedAt = DateTime.UtcNow.AddDays(-1), UpdatedAt = DateTime.UtcNow.AddDays(-1), AuthorName = "Michael Piri",
            });
            await scope.Db.SaveChangesAsync();
        }

        await _factory.Services.ReloadPublishedContentAsync();
    }

    private static string? Meta(string html, string property) =>
        Regex.Match(html, $"<meta (?:property|name)=\"{Regex.Escape(property)}\" content=\"([^\"]*)\"") is { Success: true } match
            ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value)
            : null;
}
