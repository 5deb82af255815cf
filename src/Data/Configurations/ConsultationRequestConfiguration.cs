using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Content;

namespace PiriSite.Data.Configurations;

internal sealed class ConsultationRequestConfiguration : IEntityTypeConfiguration<ConsultationRequest>
{
    public void Configure(EntityTypeBuilder<ConsultationRequest> builder)
    {
        builder.Property(r => r.Reference).HasMaxLength(ConsultationReference.Length).IsRequired();
        builder.Property(r => r.FullName).HasMaxLength(ConsultationValidator.FullNameMaxLength).IsRequired();
        builder.Property(r => r.Phone).HasMaxLength(ConsultationValidator.PhoneMaxLength);
        builder.Property(r => r.Email).HasMaxLength(ConsultationValidator.EmailMaxLength);
        builder.Property(r => r.PracticeAreaKey).HasMaxLength(Slug.MaxLength);
        builder.Property(r => r.Description).HasMaxLength(ConsultationValidator.DescriptionMaxLength);
        builder.Property(r => r.SourcePage).HasMaxLength(ConsultationRequest.SourcePageMaxLength);
        builder.Property(r => r.SourceCulture).HasMaxLength(SiteCulture.MaxLength);
        // The notice a request accepted: a version is never deleted while a request refers to it.
        builder.HasOne<ConsultationNoticeVersion>().WithMany().HasForeignKey(r => r.NoticeVersionId).OnDelete(DeleteBehavior.Restrict);

        // Before notices were versioned each request stored its notice's words itself. The columns stay (mapped
        // here only, not on the entity) so the initialiser can link those requests to a version of the same words;
        // new requests leave them empty. A later release drops them once every installation has run the backfill.
        builder.Property<string>(LegacyNoticeColumns.Version).HasMaxLength(40).IsRequired().HasDefaultValue("");
        builder.Property<string>(LegacyNoticeColumns.Culture).HasMaxLength(SiteCulture.MaxLength).IsRequired().HasDefaultValue("");
        builder.Property<string>(LegacyNoticeColumns.Text).HasMaxLength(2000).IsRequired().HasDefaultValue("");
        builder.Property(r => r.PreferredLanguage).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ContactMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.SpamVerdict).HasConversion<string>().HasMaxLength(20);

        // Both unique: a reference names one request, and one form (one idempotency key) makes one request.
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.HasIndex(r => r.IdempotencyKey).IsUnique();
        builder.Property(r => r.AssignedToId).HasMaxLength(450);
        builder.Property(r => r.AssignedToName).HasMaxLength(256);

        // The inbox lists newest first, by status, and the retention job looks for old closed requests.
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => r.CreatedAt);
        builder.HasIndex(r => new { r.Status, r.StatusChangedAt });
        // The inbox filters: each index also carries Status and CreatedAt, so counting and ordering the
        // matches reads the index alone (measured by bench/leads-inbox.sh with 100,000 requests). The filters'
        // indexes end with Urgency and CourtDate: the inbox lists urgent requests first, and deciding which of
        // the matches are urgent from the index, not the table, keeps a filtered inbox as fast as before.
        builder.HasIndex(r => new { r.Urgency, r.CourtDate, r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.PracticeAreaKey, r.PreferredLanguage, r.Status, r.CreatedAt, r.Urgency, r.CourtDate });
        builder.HasIndex(r => new { r.PreferredLanguage, r.Status, r.CreatedAt, r.Urgency, r.CourtDate });
        // The follow-ups due (their view, its count on every inbox page, the dashboard): few requests have a date.
        builder.HasIndex(r => new { r.FollowUpOn, r.Status });
    }
}
