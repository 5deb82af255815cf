using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PiriSite.Domain.Advertising;
using PiriSite.Domain.Content;

namespace PiriSite.Data.Configurations;

internal sealed class AdvertisingSnapshotConfiguration : IEntityTypeConfiguration<AdvertisingSnapshot>
{
    public void Configure(EntityTypeBuilder<AdvertisingSnapshot> builder)
    {
        builder.Property(s => s.PageKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.TranslationKey).HasMaxLength(Slug.MaxLength);
        builder.Property(s => s.Culture).HasMaxLength(10);
        builder.Property(s => s.PageKey).HasMaxLength(Slug.MaxLength + 40);
        builder.Property(s => s.PublishedById).HasMaxLength(450);
        builder.Property(s => s.PublishedByName).HasMaxLength(256);
        builder.Property(s => s.Reason).HasMaxLength(AdvertisingSnapshot.ReasonMaxLength);
        builder.Property(s => s.Path).HasMaxLength(1000);
        builder.Property(s => s.Title).HasMaxLength(AdvertisingSnapshot.TitleMaxLength);
        builder.Property(s => s.TextHash).HasMaxLength(64);
        builder.Property(s => s.FilingState).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.FilingReference).HasMaxLength(AdvertisingSnapshot.FilingReferenceMaxLength);
        builder.Property(s => s.ExemptReason).HasMaxLength(AdvertisingSnapshot.ExemptReasonMaxLength);
        builder.Property(s => s.FilingRecordedByName).HasMaxLength(256);
        // Every filing record sets it anew: two people recording at once cannot both win (on PostgreSQL a
        // transaction does not lock the rows it read, so the services' check alone would let both through).
        builder.Property(s => s.FilingRecordedAt).IsConcurrencyToken();

        // The archive by page and date, the capture queue (oldest due first), and what is left to file.
        builder.HasIndex(s => new { s.PageKey, s.Culture, s.PublishedAt });
        builder.HasIndex(s => new { s.CapturedAt, s.PublishedAt });
        builder.HasIndex(s => new { s.FilingState, s.PublishedAt });
    }
}
