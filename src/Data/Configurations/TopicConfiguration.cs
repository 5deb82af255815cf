using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PiriSite.Domain.Content;

namespace PiriSite.Data.Configurations;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.Property(t => t.TranslationKey).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.Property(t => t.Culture).HasMaxLength(SiteCulture.MaxLength).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(Topic.NameMaxLength).IsRequired();
        builder.Property(t => t.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(Topic.DescriptionMaxLength);

        builder.HasIndex(t => new { t.Culture, t.Slug }).IsUnique();
        builder.HasIndex(t => new { t.TranslationKey, t.Culture }).IsUnique();
    }
}
