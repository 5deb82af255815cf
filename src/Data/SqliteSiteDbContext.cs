using Microsoft.EntityFrameworkCore;

namespace PiriSite.Data;

/// <summary>The site's database on SQLite, the embedded default. Its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteSiteDbContext(DbContextOptions<SqliteSiteDbContext> options) : SiteDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite keeps no time zone: every DateTime is stored as UTC and comes back marked as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
