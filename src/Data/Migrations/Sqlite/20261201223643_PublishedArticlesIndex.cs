using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublishedArticlesIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_Published",
                table: "Articles",
                columns: new[] { "Status", "DeletedAt", "Culture", "PublishedAt", "UpdatedAt", "TranslationKey", "Slug", "Title", "AuthorName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Published",
                table: "Articles");
        }
    }
}
