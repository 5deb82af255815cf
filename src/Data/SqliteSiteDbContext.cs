using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Content;

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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // The published articles as the site keeps them in memory (PublishedContent), answered from this index alone.
        // SQLite stores a row's columns in order, and the status, dates and author come after the bodies: without it,
        // loading 10,000 articles' titles read every body too (460 MB) and made start-up half a second slower.
        // PostgreSQL keeps long bodies apart from the row already (TOAST), so it needs no such index.
        builder.Entity<Article>().HasIndex(
            a => new { a.Status, a.DeletedAt, a.Culture, a.PublishedAt, a.UpdatedAt, a.TranslationKey, a.Slug, a.Title, a.AuthorName },
            "IX_Articles_Published");
    }
}
