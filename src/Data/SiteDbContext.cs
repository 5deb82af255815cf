using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PiriSite.Data.Identity;
using PiriSite.Domain.Advertising;
using PiriSite.Domain.Audit;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Content;
using PiriSite.Domain.Messaging;

namespace PiriSite.Data;

/// <summary>The site's one database: content, and (through Identity) the staff accounts.</summary>
/// <remarks>
/// Add a migration from the repository root with:
/// <code>dotnet tool restore &amp;&amp; dotnet ef migrations add NAME --project src/Data --startup-project src/Web --output-dir Migrations</code>
/// </remarks>
public class SiteDbContext(DbContextOptions<SiteDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<PracticeArea> PracticeAreas => Set<PracticeArea>();

    public DbSet<FirmProfile> FirmProfiles => Set<FirmProfile>();

    public DbSet<FirmProfileRevision> FirmProfileRevisions => Set<FirmProfileRevision>();

    public DbSet<ConsultationRequest> ConsultationRequests => Set<ConsultationRequest>();

    public DbSet<ConsultationNoticeVersion> ConsultationNoticeVersions => Set<ConsultationNoticeVersion>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<LeadNote> LeadNotes => Set<LeadNote>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ContentRevision> ContentRevisions => Set<ContentRevision>();

    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();

    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();

    public DbSet<AdvertisingSnapshot> AdvertisingSnapshots => Set<AdvertisingSnapshot>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SiteDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite keeps no time zone: every DateTime is stored as UTC and comes back marked as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
