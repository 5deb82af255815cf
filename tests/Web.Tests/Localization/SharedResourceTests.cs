using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PiriSite.Domain.Content;
using PiriSite.Web.Localization;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Localization;

/// <summary>Every interface text exists in all three languages, with the same placeholders.</summary>
public class SharedResourceTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private static readonly string s_folder = Path.Combine(RepositoryRoot(), "src", "Web", "Resources", "Localization");

    public static TheoryData<string> Translations => ["es", "fr"];

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryEnglishKeyIsTranslatedAndNothingElse(string culture)
    {
        var english = Entries("SharedResource.resx");
        var translated = Entries($"SharedResource.{culture}.resx");

        Assert.Empty(english.Keys.Except(translated.Keys, StringComparer.Ordinal));
        Assert.Empty(translated.Keys.Except(english.Keys, StringComparer.Ordinal));
        Assert.All(translated, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), $"{culture}: \"{entry.Key}\" is empty"));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void TranslationsKeepEveryPlaceholder(string culture)
    {
        foreach (var (key, value) in Entries($"SharedResource.{culture}.resx"))
        {
            Assert.True(Placeholders(key).SetEquals(Placeholders(value)), $"{culture}: \"{key}\" → \"{value}\"");
        }
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
    public void EveryLanguageOfTheSiteHasItsResourceFile() =>
        Assert.All(SiteLanguage.All.Where(l => !l.IsEnglish), l => Assert.True(File.Exists(Path.Combine(s_folder, $"SharedResource.{l.Code}.resx")), l.Code));

    private static Dictionary<string, string> Entries(string file) =>
        XDocument.Load(Path.Combine(s_folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+(?:[:,][^}]*)?\}").Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PiriSite.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PiriSite.sln not found above the test's folder.");
    }
}
