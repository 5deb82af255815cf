using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PiriSite.Domain.Content;

namespace PiriSite.Data.Configurations;

internal sealed class MediaBlobConfiguration : IEntityTypeConfiguration<MediaBlob>
{
    public void Configure(EntityTypeBuilder<MediaBlob> builder)
    {
        builder.HasKey(b => b.Name);
        builder.Property(b => b.Name).HasMaxLength(MediaBlob.NameMaxLength).HasColumnOrder(0);
        builder.Property(b => b.WrittenAt).HasColumnOrder(1);

        // Last: SQLite keeps a large value's tail on overflow pages, so listing names and times (the sweep of kept
        // images, the folder import) reads the start of each row and never the images themselves.
        builder.Property(b => b.Bytes).IsRequired().HasColumnOrder(2);
    }
}
