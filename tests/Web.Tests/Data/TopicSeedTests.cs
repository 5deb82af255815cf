using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Data;

/// <summary>
/// The default topics come from each language's site.json, once per language, with the seeded articles filed under
/// theirs; after that the list is staff's: what they delete or rename stays so.
/// </summary>
public sealed class TopicSeedTests : IDisposable
{
    private readonly SiteFactory _factory = new() { RunsBackgroundServices = false };

    private static List<(string Key, string Name, string Slug)> SeedFile(string culture)
    {
        var folder = culture == SiteCulture.English ? "" : culture + "/";
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src", "Data", "Seed", folder + "site.json")));
        return [.. json.RootElement.GetProperty("topics").EnumerateArray().Select(t =>
            (t.GetProperty("translationKey").GetString()!, t.GetProperty("name").GetString()!, t.GetProperty("slug").GetString()!))];
    }

    private async Task InitialiseAgainAsync()
    {
        await using var scope = _factory.CreateDbScope();
        await scope.Services.GetRequiredService<SiteDbInitialiser>().InitialiseAsync();
    }

    [Fact]
    public async Task EachLanguageGetsTheSeedFilesTopicsInTheirOrderWithTheSeededArticleFiledUnderItsOwn()
    {
        _ = _factory.Services; // starts the site, which initialises the database

        await using var scope = _factory.CreateDbScope();
        var topics = await scope.Db.Topics.AsNoTracking().ToListAsync();
        foreach (var culture in SiteCulture.Supported)
        {
            var seeded = SeedFile(culture);
            var stored = topics.Where(t => t.Culture == culture).OrderBy(t => t.DisplayOrder).ToList();
            Assert.Equal(seeded, stored.Select(t => (t.TranslationKey, t.Name, t.Slug)));
            Assert.All(stored, t => Assert.True(Slug.IsValid(t.Slug), t.Slug));
            Assert.All(stored, t => Assert.NotEmpty(t.Description));

            var article = await scope.Db.Articles.SingleAsync(a => a.Culture == culture && a.TranslationKey == "ice-287g-program");
            var filed = await scope.Db.ArticleTopics.Where(l => l.ArticleId == article.Id)
                .Join(scope.Db.Topics, l => l.TopicId, t => t.Id, (l, t) => new { t.TranslationKey, t.Culture }).ToListAsync();
            Assert.Equal(["deportation-defense", "enforcement-287g"], filed.Select(f => f.TranslationKey).Order());
            Assert.All(filed, f => Assert.Equal(culture, f.Culture));
        }

        // Translated properly, not copied: Spanish and French have their own words and addresses.
        Assert.Contains(topics, t => t is { Culture: SiteCulture.Spanish, TranslationKey: "asylum", Name: "Asilo", Slug: "asilo" });
        Assert.Contains(topics, t => t is { Culture: SiteCulture.French, TranslationKey: "asylum", Name: "Asile", Slug: "asile" });
    }

    [Fact]
    public async Task RunningTheInitialiserAgainAddsNothing()
    {
        _ = _factory.Services;
        int topics, links;
        await using (var scope = _factory.CreateDbScope())
        {
            topics = await scope.Db.Topics.CountAsync();
            links = await scope.Db.ArticleTopics.CountAsync();
        }

        await InitialiseAgainAsync();
        await InitialiseAgainAsync();

        await using var after = _factory.CreateDbScope();
        Assert.Equal(3 * SeedFile(SiteCulture.English).Count, topics);
        Assert.Equal(topics, await after.Db.Topics.CountAsync());
        Assert.Equal(3 * 2, links);
        Assert.Equal(links, await after.Db.ArticleTopics.CountAsync());
    }

    [Fact]
    public async Task ATopicStaffDeletedOrRenamedIsNeitherCreatedAgainNorRenamedBack()
    {
        _ = _factory.Services;
        await using (var scope = _factory.CreateDbScope())
        {
            scope.Db.Topics.RemoveRange(scope.Db.Topics.Where(t => t.TranslationKey == "deportation-defense"));
            var asylum = await scope.Db.Topics.SingleAsync(t => t.Culture == SiteCulture.Spanish && t.TranslationKey == "asylum");
            asylum.Name = "Asilo y refugio";
            asylum.Slug = "asilo-y-refugio";
            // An article staff took off a topic stays off it.
            scope.Db.ArticleTopics.RemoveRange(scope.Db.ArticleTopics.Where(l =>
                scope.Db.Topics.Any(t => t.Id == l.TopicId && t.TranslationKey == "enforcement-287g" && t.Culture == SiteCulture.French)));
            await scope.Db.SaveChangesAsync();
        }

        await InitialiseAgainAsync();

        await using var after = _factory.CreateDbScope();
        Assert.False(await after.Db.Topics.AnyAsync(t => t.TranslationKey == "deportation-defense"));
        var renamed = await after.Db.Topics.SingleAsync(t => t.Culture == SiteCulture.Spanish && t.TranslationKey == "asylum");
        Assert.Equal(("Asilo y refugio", "asilo-y-refugio"), (renamed.Name, renamed.Slug));
        Assert.Equal(0, await after.Db.ArticleTopics.CountAsync(l =>
            after.Db.Topics.Any(t => t.Id == l.TopicId && t.Culture == SiteCulture.French)));
    }

    public void Dispose() => _factory.Dispose();
}
