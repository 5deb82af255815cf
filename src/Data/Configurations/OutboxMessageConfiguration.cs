using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PiriSite.Domain.Messaging;

namespace PiriSite.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.To).HasMaxLength(OutboxMessage.AddressMaxLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength).IsRequired();
        builder.Property(m => m.TextBody).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);

        // The sender's query: pending messages that are due.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });

        // The day's recipients, counted for the cap on acknowledgements per address (covering: no table reads).
        builder.HasIndex(m => new { m.CreatedAt, m.To });
    }
}
