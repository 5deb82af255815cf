using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PiriSite.Domain.Content;

namespace PiriSite.Data.Configurations;

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.Property(m => m.StoredName).HasMaxLength(80).IsRequired();
        builder.Property(m => m.ContentType).HasMaxLength(40).IsRequired();
        builder.Property(m => m.AltText).HasMaxLength(MediaFile.AltTextMaxLength).IsRequired();
        builder.Property(m => m.UploadedBy).HasMaxLength(256);
        builder.Ignore(m => m.Url);
        builder.Ignore(m => m.Markdown);
        builder.HasIndex(m => m.StoredName).IsUnique();
    }
}
