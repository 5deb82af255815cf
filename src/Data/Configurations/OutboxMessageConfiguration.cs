using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PiriSite.Domain.Consultations;
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
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.ConsultationReference).HasMaxLength(ConsultationReference.Length);

        // The sender's query: pending messages that are due.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });

        // A message about a request carries its personal data: it goes when the request goes (the Attorney's
        // deletion or retention), in the database itself, so no way of deleting a request can leave it behind.
        builder.HasOne(m => m.ConsultationRequest).WithMany().HasForeignKey(m => m.ConsultationRequestId).OnDelete(DeleteBehavior.Cascade);

        // A scheduled message (a follow-up reminder) is queued once per key, even by two instances at once.
        builder.Property(m => m.DedupeKey).HasMaxLength(OutboxMessage.DedupeKeyMaxLength);
        builder.HasIndex(m => m.DedupeKey).IsUnique();

        // Which sender holds the message (its instance's id) and until when: see OutboxSender.
        builder.Property(m => m.ClaimedBy).HasMaxLength(OutboxMessage.ClaimedByMaxLength);

        // The cap on acknowledgements per address: a mailbox's messages of the last day, counted from the index.
        builder.HasIndex(m => new { m.Mailbox, m.CreatedAt });
    }
}
