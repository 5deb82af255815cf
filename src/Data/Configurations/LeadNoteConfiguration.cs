using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PiriSite.Domain.Consultations;

namespace PiriSite.Data.Configurations;

internal sealed class LeadNoteConfiguration : IEntityTypeConfiguration<LeadNote>
{
    public void Configure(EntityTypeBuilder<LeadNote> builder)
    {
        builder.Property(n => n.AuthorId).HasMaxLength(450);
        builder.Property(n => n.AuthorName).HasMaxLength(256);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Text).HasMaxLength(LeadNote.TextMaxLength);

        // Notes go when their request goes (retention, or the Attorney's deletion).
        builder.HasOne<ConsultationRequest>().WithMany().HasForeignKey(n => n.ConsultationRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.ConsultationRequestId, n.At });
    }
}
