using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Data;

/// <summary>
/// The seeded content carries the firm's original text over faithfully: every sentence of the original
/// pages (TestData/original-site-text.txt, a copy of shared/seed) is in the database, word for word.
/// </summary>
public class SeedContentTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private static readonly string[] s_originalLines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "original-site-text.txt"))
        .Select(line => line.Trim())
        .Where(line => line.Length > 0)
        .ToArray();

    [Fact]
    public async Task EveryLineOfTheOriginalArticleIsInTheSeededArticle()
    {
        await using var scope = factory.CreateDbScope();
        var article = await scope.Db.Articles.SingleAsync(a => a.Culture == SiteCulture.English);
        var body = Normalise(article.BodyMarkdown);

        var start = Array.IndexOf(s_originalLines, "Table of Contents") + 1;
        var end = Array.IndexOf(s_originalLines, "Why The Piri Law Firm?");
        Assert.True(end > start + 30, "the original article was not found in the test data");

        foreach (var line in s_originalLines[start..end])
        {
            Assert.Contains(Normalise(StripListMarker(line)), body, StringComparison.Ordinal);
        }

        Assert.Equal("What is the ICE 287(g) Program?", article.Title);
    }

    [Fact]
    public async Task EveryOriginalPracticeAreaBlurbIsASeededSummary()
    {
        await using var scope = factory.CreateDbScope();
        var summaries = await scope.Db.PracticeAreas.Where(p => p.Culture == SiteCulture.English).Select(p => p.Summary).ToListAsync();

        var start = Array.IndexOf(s_originalLines, "42B Cancellation of Removal");
        var end = Array.IndexOf(s_originalLines, "24/7 Free 30-Minute Consultation Call");
        var blurbs = s_originalLines[start..end].Where((_, i) => i % 2 == 1).ToList();

        Assert.Equal(11, blurbs.Count);
        Assert.Equal(blurbs.Order(StringComparer.Ordinal), summaries.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheFirmProfileCarriesTheOriginalOfferAndReasons()
    {
        await using var scope = factory.CreateDbScope();
        var firm = await scope.Db.FirmProfiles.SingleAsync(f => f.Culture == SiteCulture.English);

        var reasonsStart = Array.IndexOf(s_originalLines, "Why The Piri Law Firm?") + 1;
        Assert.Equal(s_originalLines[reasonsStart..(reasonsStart + 8)], firm.WhyChooseUs);
        Assert.Equal(s_originalLines[^2], firm.ConsultationOfferTitle);
        Assert.Equal(s_originalLines[^1], firm.ConsultationOfferText);
        Assert.Equal("(833) 600-0029", firm.Phone);
        Assert.Equal(["English", "Spanish", "French"], firm.LanguagesSpoken);
        Assert.Contains("Dallas–Fort Worth", firm.ServiceArea, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es")]
    [InlineData("fr")]
    public async Task EveryEnglishPageHasASeededTranslationAtItsOwnAddress(string culture)
    {
        await using var scope = factory.CreateDbScope();
        var english = await scope.Db.PracticeAreas.Where(p => p.Culture == SiteCulture.English).ToDictionaryAsync(p => p.TranslationKey);
        var translated = await scope.Db.PracticeAreas.Where(p => p.Culture == culture).ToListAsync();

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Select(p => p.TranslationKey).Order(StringComparer.Ordinal));
        Assert.All(translated, area =>
        {
            var source = english[area.TranslationKey];
            Assert.True(Slug.IsValid(area.Slug), area.Slug);
            Assert.NotEqual(source.BodyMarkdown, area.BodyMarkdown);
            Assert.Equal(source.DisplayOrder, area.DisplayOrder);
        });
        Assert.Single(await scope.Db.Articles.Where(a => a.Culture == culture && a.TranslationKey == "ice-287g-program").ToListAsync());
        var firm = await scope.Db.FirmProfiles.SingleAsync(f => f.Culture == culture);
        Assert.Equal("(833) 600-0029", firm.Phone);
        Assert.Equal("Michael Piri", firm.AttorneyName);
        Assert.NotEmpty(firm.AdvertisingDisclaimer);
        Assert.Equal(8, firm.WhyChooseUs.Count);
    }

    [Fact]
    public async Task TheSpanishPagesAboutGettingHelpWarnThatANotarioIsNotALawyer()
    {
        await using var scope = factory.CreateDbScope();
        var immigration = await scope.Db.PracticeAreas.SingleAsync(p => p.Culture == SiteCulture.Spanish && p.TranslationKey == "immigration");
        var article = await scope.Db.Articles.SingleAsync(a => a.Culture == SiteCulture.Spanish);

        Assert.Contains("notario", immigration.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("no es abogado", article.BodyMarkdown, StringComparison.Ordinal);
    }

    // The original numbers its three models and bullets its goals; the Markdown keeps the words.
    private static string StripListMarker(string line) =>
        line.StartsWith("• ", StringComparison.Ordinal) ? line[2..]
        : line.Length > 3 && char.IsAsciiDigit(line[0]) && line[1] == '.' ? line[3..]
        : line;

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
