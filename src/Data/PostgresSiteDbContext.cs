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

            // The open and urgent requests (LeadRules.OpenAndUrgentOn): counted on the dashboard and by the inbox's
            // "urgent only" filter. PostgreSQL reads an OR of urgencies from the shared indexes by scanning one of
            // them whole (30 ms with 100,000 requests, bench/leads-inbox.sh); this index holds only the open
            // requests with an urgency, a few thousand, and answers in 2 ms. The planner uses it for queries whose
            // conditions imply its filter, so the filter repeats LeadRules' open statuses word for word.
            request.HasIndex(r => new { r.Status, r.Urgency, r.CourtDate }, "IX_ConsultationRequests_OpenUrgent")
                .HasFilter("""
                    "Status" IN ('New', 'Contacted', 'ConsultationScheduled') AND "Urgency" IN ('Detained', 'CourtDate')
                    """);

            // Every inbox page and the dashboard count the requests by status, and the dashboard by practice area.
            // PostgreSQL's B-tree deduplication keeps an index of a few distinct values small (90 pages against 700
            // to 1,800 for the shared ones, with 100,000 requests), so counting from these takes about half the time.
            request.HasIndex(r => r.Status, "IX_ConsultationRequests_Status");
            request.HasIndex(r => new { r.PracticeAreaKey, r.Status }, "IX_ConsultationRequests_PracticeAreaKey_Status");
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
        builder.Entity<ContentRevision>(revision =>
        {
            revision.Property(r => r.Note).HasColumnType("citext");
            revision.Property(r => r.SavedByName).HasColumnType("citext");
        });
        builder.Entity<MediaFile>(media => media.Property(m => m.AltText).HasColumnType("citext"));
    }
}
