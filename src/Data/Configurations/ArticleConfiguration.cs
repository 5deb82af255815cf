using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PiriSite.Domain.Content;

namespace PiriSite.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.TranslationKey).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.Property(a => a.Culture).HasMaxLength(SiteCulture.MaxLength).IsRequired();
        builder.Property(a => a.Title).HasMaxLength(Article.TitleMaxLength).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.Property(a => a.Summary).HasMaxLength(Article.SummaryMaxLength);
        builder.Property(a => a.BodyMarkdown).HasMaxLength(Article.BodyMaxLength);
        builder.Property(a => a.AuthorName).HasMaxLength(Article.AuthorMaxLength);
        builder.Property(a => a.SeoTitle).HasMaxLength(Article.SeoTitleMaxLength);
        builder.Property(a => a.SeoDescription).HasMaxLength(Article.SeoDescriptionMaxLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ReviewedBy).HasMaxLength(ContentPage.ReviewerMaxLength);

        // Optimistic concurrency: a save based on an older version changes no row, and EF Core reports it.
        builder.Property(a => a.Version).IsConcurrencyToken();

        builder.HasIndex(a => new { a.Culture, a.Slug }).IsUnique();
        builder.HasIndex(a => new { a.TranslationKey, a.Culture }).IsUnique();
        builder.HasIndex(a => new { a.Culture, a.Status, a.PublishedAt });

        // The staff list (one language, current or deleted, newest edit first) and its count read this index alone.
        // SQLite keeps these columns after the body in each row, so without it every list reads every body.
        builder.HasIndex(a => new { a.Culture, a.DeletedAt, a.UpdatedAt }, "IX_Articles_StaffList");

        // Where each article stands (languages, publication, review): the dashboard's translation and review work
        // reads every row's state from this index rather than from rows holding bodies of 50 KB.
        builder.HasIndex(a => new { a.DeletedAt, a.Status, a.PublishedAt, a.ReviewedAt, a.ReviewBy, a.FastMoving, a.Culture, a.TranslationKey, a.TextVersion, a.SourceTextVersion }, "IX_Articles_State");
    }
}
