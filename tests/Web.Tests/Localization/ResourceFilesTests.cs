using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PiriSite.Domain.Content;
using PiriSite.Web.Localization;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Localization;

/// <summary>Every interface text exists in all three languages, with the same placeholders.</summary>
public class ResourceFilesTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private static readonly string s_folder = Path.Combine(RepositoryFiles.Root, "src", "Web", "Resources", "Localization");

    // Every resource set (SharedResource, ConsultationResource, …) in every translation.
    public static TheoryData<string, string> Translations()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in Directory.GetFiles(s_folder, "*.resx").Select(Path.GetFileName).Where(f => f!.Count(c => c == '.') == 1))
        {
            foreach (var culture in new[] { "es", "fr" })
            {
                data.Add(Path.GetFileNameWithoutExtension(set)!, culture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryEnglishKeyIsTranslatedAndNothingElse(string set, string culture)
    {
        var english = Entries($"{set}.resx");
        var translated = Entries($"{set}.{culture}.resx");

        Assert.Empty(english.Keys.Except(translated.Keys, StringComparer.Ordinal));
        Assert.Empty(translated.Keys.Except(english.Keys, StringComparer.Ordinal));
        Assert.All(translated, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), $"{set}.{culture}: \"{entry.Key}\" is empty"));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void TranslationsKeepEveryPlaceholder(string set, string culture)
    {
        foreach (var (key, value) in Entries($"{set}.{culture}.resx"))
        {
            Assert.True(Placeholders(key).SetEquals(Placeholders(value)), $"{set}.{culture}: \"{key}\" → \"{value}\"");
        }
    }

    [Fact]
    public void NoKeyIsInTwoResourceSets()
    {
        var keys = Directory.GetFiles(s_folder, "*.resx").Where(f => Path.GetFileName(f).Count(c => c == '.') == 1)
            .SelectMany(f => Entries(Path.GetFileName(f)).Keys).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("es-US", "Áreas de práctica")]
    [InlineData("fr-FR", "Domaines de pratique")]
    [InlineData("en-US", "Practice areas")]
    public void TheSiteReadsEachLanguagesText(string culture, string expected)
    {
        var localizer = factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            Assert.Equal(expected, localizer["Practice areas"].Value);
            Assert.False(localizer["Practice areas"].ResourceNotFound);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void EveryLanguageOfTheSiteHasItsResourceFiles() =>
        Assert.All(SiteLanguage.All.Where(l => !l.IsEnglish), l =>
        {
            Assert.True(File.Exists(Path.Combine(s_folder, $"SharedResource.{l.Code}.resx")), l.Code);
            Assert.True(File.Exists(Path.Combine(s_folder, $"ConsultationResource.{l.Code}.resx")), l.Code);
        });

    private static Dictionary<string, string> Entries(string file) =>
        XDocument.Load(Path.Combine(s_folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+(?:[:,][^}]*)?\}").Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
}
