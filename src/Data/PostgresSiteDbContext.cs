using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Content;

namespace PiriSite.Data;

/// <summary>
/// The site's database on PostgreSQL. Its migrations are in Migrations/Postgres. DateTime columns are
/// <c>timestamptz</c> (Npgsql's default for UTC times, and every time here is UTC).
/// </summary>
public sealed class PostgresSiteDbContext(DbContextOptions<PostgresSiteDbContext> options) : SiteDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // citext: the columns that staff search with LIKE compare without regard to case, as SQLite's LIKE does,
        // so the queries are the same on both engines. pg_trgm: the leads search's trigram index (see LeadSearch).
        builder.HasPostgresExtension("citext");
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<ConsultationRequest>(request =>
        {
            request.Property(r => r.FullName).HasColumnType("citext");
            request.Property(r => r.Email).HasColumnType("citext");
            request.Property(r => r.Phone).HasColumnType("citext");
            request.Property(r => r.Description).HasColumnType("citext");
        });
        builder.Entity<Article>(article =>
        {
            article.Property(a => a.Title).HasColumnType("citext");
            article.Property(a => a.Slug).HasColumnType("citext");
            article.Property(a => a.Summary).HasColumnType("citext");
        });
        builder.Entity<PracticeArea>(area =>
        {
            area.Property(p => p.Name).HasColumnType("citext");
            area.Property(p => p.Slug).HasColumnType("citext");
            area.Property(p => p.Summary).HasColumnType("citext");
        });
    }
}
