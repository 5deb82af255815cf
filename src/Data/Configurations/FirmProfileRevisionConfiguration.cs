using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PiriSite.Domain.Content;

namespace PiriSite.Data.Configurations;

internal sealed class FirmProfileRevisionConfiguration : IEntityTypeConfiguration<FirmProfileRevision>
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<FirmProfileRevision> builder)
    {
        builder.Property(r => r.Culture).HasMaxLength(SiteCulture.MaxLength).IsRequired();
        builder.Property(r => r.SavedByName).HasMaxLength(FirmProfile.ShortTextMaxLength).IsRequired();
        builder.Property(r => r.Note).HasMaxLength(FirmProfile.ShortTextMaxLength).IsRequired();

        // Every field in one JSON column: a revision is written once and read whole, never queried by field.
        builder.Property(r => r.Fields)
            .HasColumnName("FieldsJson")
            .HasConversion(
                fields => JsonSerializer.Serialize(fields, s_json),
                json => JsonSerializer.Deserialize<FirmProfileSubmission>(json, s_json) ?? new FirmProfileSubmission())
            .IsRequired();
        builder.PrimitiveCollection(r => r.ChangedFields);

        builder.HasIndex(r => new { r.Culture, r.Number }).IsUnique();
    }
}
