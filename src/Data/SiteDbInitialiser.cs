using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PiriSite.Data.Identity;
using PiriSite.Data.Seed;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Content;

namespace PiriSite.Data;

/// <summary>
/// Brings the database up to date and seeds what is missing. Safe to run at every start: migrations already
/// applied are skipped, roles are added only if missing, and content only where it is absent. (The first Attorney
/// from the environment is <see cref="FirstAttorneyBootstrap"/>'s, run after this.)
/// </summary>
public sealed partial class SiteDbInitialiser(
    SiteDbContext db,
    RoleManager<IdentityRole> roles,
    IOptions<FileKeyImportOptions> fileKeys,
    TimeProvider clock,
    MarkdownRenderer markdown,
    StaffTokenProtector tokens,
    ILogger<SiteDbInitialiser> logger)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        // Several replicas may start at once against one new database: one migrates and seeds while the others wait,
        // then find everything in place and add nothing.
        await using (await ClusterLock.TakeAsync(db, "initialise", cancellationToken))
        {
            await InitialiseAloneAsync(cancellationToken);
        }
    }

    private async Task InitialiseAloneAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await SquashedMigrations.AdoptAsync(db, cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a request is being written; the setting is kept in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

            // Keeps the query planner's statistics current, so the inbox's indexes are used well as the data grows.
            // (PostgreSQL's autovacuum does this by itself.)
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", cancellationToken);
        }

        // Before anything uses the key ring: keys from an earlier version's key folder join the database's.
        if (await FileKeyImport.ImportAsync(db, fileKeys.Value.Folder, cancellationToken) is > 0 and var imported)
        {
            LogKeysImported(logger, imported, fileKeys.Value.Folder!);
        }

        await SeedRolesAsync();
        // Two-factor secrets written in plain text by an earlier version are encrypted now, once.
        await tokens.ProtectPlainTokensAsync(db, cancellationToken);
        await new SiteContentSeeder(db, clock).SeedAsync(cancellationToken);
        // The default topics per language, once, with the seeded articles filed under them.
        await new TopicSeeder(db, clock).SeedAsync(cancellationToken);
        // The consultation notice per language, and older requests linked to the version they accepted.
        await new ConsultationNoticeSeeder(db, clock).SeedAsync(cancellationToken);
        await RenderStaleContentAsync(cancellationToken);
        await BackfillReviewByAsync(cancellationToken);
        LogInitialised(logger);
    }

    /// <summary>
    /// Pages store their HTML, rendered when saved. Newly seeded pages, and pages rendered by an older version
    /// of the renderer, are rendered here, once.
    /// </summary>
    private async Task RenderStaleContentAsync(CancellationToken cancellationToken)
    {
        const int current = MarkdownRenderer.OutputVersion;
        var articles = await db.Articles.Where(a => a.RenderVersion != current).ToListAsync(cancellationToken);
        var areas = await db.PracticeAreas.Where(p => p.RenderVersion != current).ToListAsync(cancellationToken);
        var profiles = await db.FirmProfiles.Where(f => f.RenderVersion != current).ToListAsync(cancellationToken);
        if (articles.Count + areas.Count + profiles.Count == 0)
        {
            return;
        }

        var images = await db.ImagesByUrlAsync(cancellationToken);
        foreach (var content in articles.Cast<IEditableContent>().Concat(areas))
        {
            content.RenderBody(markdown, images);
        }

        foreach (var profile in profiles)
        {
            profile.RenderPages(markdown, images);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Articles the attorney reviewed before reviews had a cadence get their review-by day from that review, once:
    /// an article that has one is left alone.
    /// </summary>
    private async Task BackfillReviewByAsync(CancellationToken cancellationToken)
    {
        var reviewed = await db.Articles.Where(a => a.ReviewedAt != null && a.ReviewBy == null).ToListAsync(cancellationToken);
        foreach (var article in reviewed)
        {
            article.BackfillReviewBy();
        }

        if (reviewed.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated and seeded")]
    private static partial void LogInitialised(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Imported {Count} data-protection key(s) from {Folder} into the database; that folder is no longer used and can be deleted once a backup holds the database")]
    private static partial void LogKeysImported(ILogger logger, int count, string folder);
}
