using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PiriSite.Domain.Content;

namespace PiriSite.Data.Configurations;

internal sealed class ContentRevisionConfiguration : IEntityTypeConfiguration<ContentRevision>
{
    public void Configure(EntityTypeBuilder<ContentRevision> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.SavedById).HasMaxLength(450);
        builder.Property(r => r.SavedByName).HasMaxLength(256);
        builder.Property(r => r.Note).HasMaxLength(200);
        builder.Property(r => r.Title).HasMaxLength(Article.TitleMaxLength);
        builder.Property(r => r.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(r => r.Summary).HasMaxLength(Article.SummaryMaxLength);
        builder.Property(r => r.BodyMarkdown).HasMaxLength(Article.BodyMaxLength);
        builder.Property(r => r.SeoTitle).HasMaxLength(Article.SeoTitleMaxLength);
        builder.Property(r => r.SeoDescription).HasMaxLength(Article.SeoDescriptionMaxLength);

        builder.HasIndex(r => new { r.Kind, r.ContentId, r.Number }).IsUnique();
    }
}
