using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PiriSite.Data.Identity;
using PiriSite.Domain.Advertising;
using PiriSite.Domain.Audit;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Content;
using PiriSite.Domain.Messaging;

namespace PiriSite.Data;

/// <summary>
/// The site's one database: content, the staff accounts (through Identity) and the data-protection key ring.
/// Services use this type; <see cref="SqliteSiteDbContext"/> and <see cref="PostgresSiteDbContext"/> add what
/// differs per engine, and each has its own migrations (see README, "Database migrations").
/// </summary>
public abstract class SiteDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
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

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<ArticleTopic> ArticleTopics => Set<ArticleTopic>();

    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();

    /// <summary>The images' bytes when Media:Store is Database (otherwise empty: they are files in Site:MediaPath).</summary>
    public DbSet<MediaBlob> MediaBlobs => Set<MediaBlob>();

    public DbSet<AdvertisingSnapshot> AdvertisingSnapshots => Set<AdvertisingSnapshot>();

    /// <summary>The keys that sign cookies and antiforgery tokens and encrypt two-factor secrets: restored with the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SiteDbContext).Assembly);
    }
}
