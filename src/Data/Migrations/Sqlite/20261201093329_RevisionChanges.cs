using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RevisionChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Changes",
                table: "ContentRevisions",
                type: "INTEGER",
                nullable: true);

            // The revisions already kept get what each changed against the one before it (the numbers are
            // RevisionChanges' flags); a first revision changed nothing, and one without a predecessor stays null.
            migrationBuilder.Sql("""
                UPDATE ContentRevisions SET Changes = (
                    SELECT (CASE WHEN p.Title IS NOT ContentRevisions.Title THEN 1 ELSE 0 END)
                         | (CASE WHEN p.Slug IS NOT ContentRevisions.Slug THEN 2 ELSE 0 END)
                         | (CASE WHEN p.Summary IS NOT ContentRevisions.Summary THEN 4 ELSE 0 END)
                         | (CASE WHEN p.BodyMarkdown IS NOT ContentRevisions.BodyMarkdown THEN 8 ELSE 0 END)
                         | (CASE WHEN COALESCE(p.SeoTitle, '') <> COALESCE(ContentRevisions.SeoTitle, '') THEN 16 ELSE 0 END)
                         | (CASE WHEN COALESCE(p.SeoDescription, '') <> COALESCE(ContentRevisions.SeoDescription, '') THEN 32 ELSE 0 END)
                         | (CASE WHEN p.Status IS NOT ContentRevisions.Status THEN 64 ELSE 0 END)
                         | (CASE WHEN substr(p.PublishedAt, 1, 16) IS NOT substr(ContentRevisions.PublishedAt, 1, 16) THEN 128 ELSE 0 END)
                    FROM ContentRevisions AS p
                    WHERE p.Kind = ContentRevisions.Kind AND p.ContentId = ContentRevisions.ContentId AND p.Number = ContentRevisions.Number - 1)
                WHERE Number > 1;
                UPDATE ContentRevisions SET Changes = 0 WHERE Number = 1;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Changes",
                table: "ContentRevisions");
        }
    }
}
