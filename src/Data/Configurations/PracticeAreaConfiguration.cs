using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PiriSite.Domain.Content;

namespace PiriSite.Data.Configurations;

internal sealed class PracticeAreaConfiguration : IEntityTypeConfiguration<PracticeArea>
{
    public void Configure(EntityTypeBuilder<PracticeArea> builder)
    {
        builder.Property(p => p.TranslationKey).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.Property(p => p.Culture).HasMaxLength(SiteCulture.MaxLength).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(PracticeArea.NameMaxLength).IsRequired();
        builder.Property(p => p.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.Property(p => p.Summary).HasMaxLength(PracticeArea.SummaryMaxLength);
        builder.Property(p => p.BodyMarkdown).HasMaxLength(PracticeArea.BodyMaxLength);
        builder.Property(p => p.SeoTitle).HasMaxLength(PracticeArea.SeoTitleMaxLength);
        builder.Property(p => p.SeoDescription).HasMaxLength(PracticeArea.SeoDescriptionMaxLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ReviewedBy).HasMaxLength(ContentPage.ReviewerMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();

        builder.HasIndex(p => new { p.Culture, p.Slug }).IsUnique();
        builder.HasIndex(p => new { p.TranslationKey, p.Culture }).IsUnique();
        builder.HasIndex(p => new { p.Culture, p.DisplayOrder });

        // As an article's (ArticleConfiguration): the staff list, and every row's state for the dashboard.
        builder.HasIndex(p => new { p.Culture, p.DeletedAt, p.UpdatedAt }, "IX_PracticeAreas_StaffList");
        builder.HasIndex(p => new { p.DeletedAt, p.Status, p.PublishedAt, p.ReviewedAt, p.Culture, p.TranslationKey, p.TextVersion, p.SourceTextVersion }, "IX_PracticeAreas_State");
    }
}
