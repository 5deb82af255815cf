using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PiriSite.Data.Seed;

namespace PiriSite.Data;

/// <summary>
/// Brings the database up to date and seeds what is missing. Safe to run at every start:
/// migrations already applied are skipped, and seeding only adds content that is absent.
/// </summary>
public sealed partial class SiteDbInitialiser(SiteDbContext db, TimeProvider clock, ILogger<SiteDbInitialiser> logger)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);

        // WAL lets readers go on while a request is being written; the setting is kept in the database file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        await new SiteContentSeeder(db, clock).SeedAsync(cancellationToken);
        LogInitialised(logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated and seeded")]
    private static partial void LogInitialised(ILogger logger);
}
