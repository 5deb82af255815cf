using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Content;

namespace PiriSite.Data.Configurations;

internal sealed class ConsultationNoticeVersionConfiguration : IEntityTypeConfiguration<ConsultationNoticeVersion>
{
    public void Configure(EntityTypeBuilder<ConsultationNoticeVersion> builder)
    {
        builder.Property(v => v.Culture).HasMaxLength(SiteCulture.MaxLength).IsRequired();
        builder.Property(v => v.Text).HasMaxLength(ConsultationNoticeVersion.TextMaxLength).IsRequired();
        builder.Property(v => v.CheckboxLabel).HasMaxLength(ConsultationNoticeVersion.CheckboxLabelMaxLength).IsRequired();
        builder.Property(v => v.CreatedByName).HasMaxLength(ConsultationNoticeVersion.CreatedByNameMaxLength).IsRequired();

        // One version 2 per language: two saves at once cannot both write it (the second one's save fails).
        builder.HasIndex(v => new { v.Culture, v.Number }).IsUnique();
    }
}
