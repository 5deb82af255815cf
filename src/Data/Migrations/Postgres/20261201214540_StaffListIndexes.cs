using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "AltText",
                table: "MediaFiles",
                type: "citext",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.AlterColumn<string>(
                name: "SavedByName",
                table: "ContentRevisions",
                type: "citext",
                maxLength: 256,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(256)",
                oldMaxLength: 256);

            migrationBuilder.AlterColumn<string>(
                name: "Note",
                table: "ContentRevisions",
                type: "citext",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

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

            migrationBuilder.AlterColumn<string>(
                name: "AltText",
                table: "MediaFiles",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "citext",
                oldMaxLength: 300);

            migrationBuilder.AlterColumn<string>(
                name: "SavedByName",
                table: "ContentRevisions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "citext",
                oldMaxLength: 256);

            migrationBuilder.AlterColumn<string>(
                name: "Note",
                table: "ContentRevisions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "citext",
                oldMaxLength: 200);
        }
    }
}
