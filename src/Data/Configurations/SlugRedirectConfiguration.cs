using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PiriSite.Domain.Content;

namespace PiriSite.Data.Configurations;

internal sealed class SlugRedirectConfiguration : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Culture).HasMaxLength(SiteCulture.MaxLength);
        builder.Property(r => r.OldSlug).HasMaxLength(Slug.MaxLength).IsRequired();

        builder.HasIndex(r => new { r.Kind, r.Culture, r.OldSlug }).IsUnique();
    }
}
