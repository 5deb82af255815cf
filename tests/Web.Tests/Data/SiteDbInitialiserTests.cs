using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Data;

public class SiteDbInitialiserTests
{
    [Fact]
    public async Task StartingTheSiteCreatesAndSeedsTheDatabase()
    {
        using var factory = new SiteFactory();
        _ = factory.Services;

        await using var scope = factory.CreateDbScope();

        Assert.Empty(await scope.Db.Database.GetPendingMigrationsAsync());
        foreach (var culture in SiteCulture.Supported)
        {
            Assert.Equal(11, await scope.Db.PracticeAreas.CountAsync(p => p.Culture == culture));
            Assert.Equal(1, await scope.Db.Articles.CountAsync(a => a.Culture == culture));
            Assert.Equal(1, await scope.Db.FirmProfiles.CountAsync(f => f.Culture == culture));
        }
    }

    // The development migrations before the squash, oldest first (as a database made by them lists them).
    private static readonly string[] s_retiredMigrations =
    [
        "20261128004118_InitialCreate", "20261128010111_AddConsultationRequestsAndOutbox", "20261128012555_AddAuditLog",
        "20261128013323_ContentEditing", "20261128014135_FirmProfileVersionAndMedia", "20261128020022_LeadsInbox",
        "20261128021551_LeadSearchIndex", "20261128022041_CoveringLeadIndexes", "20261128022925_CombinedAreaLanguageIndex",
        "20261128032437_RenderedContentAndImageVariants", "20261201053150_SecurityAndPrivacyReview",
    ];

    [SqliteFact]
    public async Task ADevelopmentDatabaseMadeByTheMigrationsBeforeTheSquashIsAdoptedWithItsData()
    {
        using var factory = new SiteFactory();
        await using var scope = factory.CreateDbScope();
        // Back to the schema the old migrations made (InitialCreate's), then their history instead of its.
        await scope.Db.GetService<IMigrator>().MigrateAsync(scope.Db.Database.GetMigrations().First());
        await RewriteHistoryAsync(scope.Db, s_retiredMigrations);
        var articles = await scope.Db.Articles.CountAsync();

        await scope.Services.GetRequiredService<SiteDbInitialiser>().InitialiseAsync();

        Assert.Equal(scope.Db.Database.GetMigrations(), await scope.Db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(articles, await scope.Db.Articles.CountAsync());
    }

    [SqliteFact]
    public async Task AnOlderDevelopmentDatabaseIsRefusedWithHowToRecreateIt()
    {
        using var factory = new SiteFactory();
        await using var scope = factory.CreateDbScope();
        await RewriteHistoryAsync(scope.Db, s_retiredMigrations[..6]);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.Services.GetRequiredService<SiteDbInitialiser>().InitialiseAsync());

        Assert.Contains("delete that file with its -wal and -shm files", refused.Message, StringComparison.Ordinal);
        Assert.Contains(factory.DatabasePath, refused.Message, StringComparison.Ordinal);
    }

    private static async Task RewriteHistoryAsync(SiteDbContext db, string[] migrations)
    {
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\";");
        foreach (var id in migrations)
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({id}, '10.0.0')");
        }
    }

    [SqliteFact]
    public async Task TheDatabaseUsesWriteAheadLogging()
    {
        using var factory = new SiteFactory();
        await using var scope = factory.CreateDbScope();

        var mode = await scope.Db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();

        Assert.Equal("wal", mode);
    }

    [SqliteFact]
    public async Task EveryConnectionCommitsDurablyAndWaitsForOtherWritersEvenWhenReusedFromThePool()
    {
        using var factory = new SiteFactory();
        for (var i = 0; i < 5; i++)
        {
            await using var scope = factory.CreateDbScope();
            // Each scope opens the connection again; the pool hands back one whose settings were made once.
            Assert.Equal(2, await scope.Db.Database.SqlQueryRaw<int>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync()); // FULL
            Assert.Equal(new DatabaseOptions().BusyTimeoutMilliseconds,
                await scope.Db.Database.SqlQueryRaw<int>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync());
        }
    }

    [Fact]
    public async Task SeedingTwiceChangesNothing()
    {
        using var factory = new SiteFactory();
        var before = await SnapshotAsync(factory);

        await using (var scope = factory.CreateDbScope())
        {
            await scope.Services.GetRequiredService<SiteDbInitialiser>().InitialiseAsync();
            await scope.Services.GetRequiredService<SiteDbInitialiser>().InitialiseAsync();
        }

        Assert.Equal(before, await SnapshotAsync(factory));
    }

    [Fact]
    public async Task SeedingNeverOverwritesWhatStaffEdited()
    {
        using var factory = new SiteFactory();
        await using (var scope = factory.CreateDbScope())
        {
            var asylum = await scope.Db.PracticeAreas.SingleAsync(p => p.TranslationKey == "asylum" && p.Culture == SiteCulture.English);
            asylum.Name = "Asylum and Refugee Protection";
            asylum.Slug = "asylum-and-refugee-protection";
            var article = await scope.Db.Articles.SingleAsync(a => a.Culture == SiteCulture.English);
            article.BodyMarkdown = "Edited by the attorney.";
            var firm = await scope.Db.FirmProfiles.SingleAsync(f => f.Culture == SiteCulture.English);
            firm.WhyChooseUs.Add("Edited point");
            await scope.Db.SaveChangesAsync();
        }

        await using (var scope = factory.CreateDbScope())
        {
            await scope.Services.GetRequiredService<SiteDbInitialiser>().InitialiseAsync();
        }

        await using (var scope = factory.CreateDbScope())
        {
            Assert.Equal(33, await scope.Db.PracticeAreas.CountAsync());
            Assert.Equal("Asylum and Refugee Protection", (await scope.Db.PracticeAreas.SingleAsync(p => p.TranslationKey == "asylum" && p.Culture == SiteCulture.English)).Name);
            Assert.Equal("Edited by the attorney.", (await scope.Db.Articles.SingleAsync(a => a.Culture == SiteCulture.English)).BodyMarkdown);
            Assert.Equal("Edited point", (await scope.Db.FirmProfiles.SingleAsync(f => f.Culture == SiteCulture.English)).WhyChooseUs[^1]);
        }
    }

    [Fact]
    public async Task PagesAreStoredRenderedAndRenderedAgainWhenTheRendererChanges()
    {
        using var factory = new SiteFactory();
        await using (var scope = factory.CreateDbScope())
        {
            var article = await scope.Db.Articles.SingleAsync(a => a.Culture == SiteCulture.English);
            Assert.Contains("<h2 id=", article.BodyHtml, StringComparison.Ordinal);
            Assert.NotEqual("[]", article.TableOfContentsJson);
            Assert.All(await scope.Db.PracticeAreas.ToListAsync(), area => Assert.Equal(PiriSite.Domain.Content.MarkdownRenderer.OutputVersion, area.RenderVersion));
            Assert.Contains("<p>", (await scope.Db.FirmProfiles.SingleAsync(f => f.Culture == SiteCulture.English)).AboutHtml, StringComparison.Ordinal);

            // As if an older renderer had made this HTML.
            article.BodyHtml = "<p>stale</p>";
            article.RenderVersion = 0;
            await scope.Db.SaveChangesAsync();
        }

        await using (var scope = factory.CreateDbScope())
        {
            await scope.Services.GetRequiredService<SiteDbInitialiser>().InitialiseAsync();
        }

        await using (var scope = factory.CreateDbScope())
        {
            var article = await scope.Db.Articles.SingleAsync(a => a.Culture == SiteCulture.English);
            Assert.DoesNotContain("stale", article.BodyHtml, StringComparison.Ordinal);
            Assert.Equal(PiriSite.Domain.Content.MarkdownRenderer.OutputVersion, article.RenderVersion);
        }
    }

    private static async Task<string> SnapshotAsync(SiteFactory factory)
    {
        await using var scope = factory.CreateDbScope();
        var areas = await scope.Db.PracticeAreas.OrderBy(p => p.Id)
            .Select(p => $"{p.Id}|{p.Slug}|{p.UpdatedAt:O}|{p.BodyMarkdown.Length}").ToListAsync();
        var articles = await scope.Db.Articles.OrderBy(a => a.Id)
            .Select(a => $"{a.Id}|{a.Slug}|{a.UpdatedAt:O}|{a.BodyMarkdown.Length}").ToListAsync();
        var firms = await scope.Db.FirmProfiles.Select(f => $"{f.Id}|{f.UpdatedAt:O}").ToListAsync();
        return string.Join('\n', areas.Concat(articles).Concat(firms));
    }
}
