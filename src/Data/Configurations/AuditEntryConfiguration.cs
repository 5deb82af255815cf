using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PiriSite.Domain.Audit;

namespace PiriSite.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorId).HasMaxLength(450);
        builder.Property(a => a.ActorName).HasMaxLength(AuditEntry.ActorMaxLength);
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        builder.Property(a => a.Target).HasMaxLength(AuditEntry.TargetMaxLength);
        builder.Property(a => a.Details).HasMaxLength(AuditEntry.DetailsMaxLength);
        builder.Property(a => a.IpAddress).HasMaxLength(64);

        // The log screen reads newest first, filtered by person, by action or by days: each filter has an index that
        // already holds its lines in time order (SQLite adds the row id at the end), so no page sorts the log.
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.ActorId, a.At });
        builder.HasIndex(a => new { a.Action, a.At });
    }
}
