using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PracticeAreas_StaffList",
                table: "PracticeAreas",
                columns: new[] { "Culture", "DeletedAt", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeAreas_State",
                table: "PracticeAreas",
                columns: new[] { "DeletedAt", "Status", "PublishedAt", "ReviewedAt", "Culture", "TranslationKey", "TextVersion", "SourceTextVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_StaffList",
                table: "Articles",
                columns: new[] { "Culture", "DeletedAt", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_State",
                table: "Articles",
                columns: new[] { "DeletedAt", "Status", "PublishedAt", "ReviewedAt", "ReviewBy", "FastMoving", "Culture", "TranslationKey", "TextVersion", "SourceTextVersion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PracticeAreas_StaffList",
                table: "PracticeAreas");

            migrationBuilder.DropIndex(
                name: "IX_PracticeAreas_State",
                table: "PracticeAreas");

            migrationBuilder.DropIndex(
                name: "IX_Articles_StaffList",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_State",
                table: "Articles");
        }
    }
}
