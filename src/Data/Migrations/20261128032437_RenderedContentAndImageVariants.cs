using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class RenderedContentAndImageVariants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodyHtml",
                table: "PracticeAreas",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RenderVersion",
                table: "PracticeAreas",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TableOfContentsJson",
                table: "PracticeAreas",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Variants",
                table: "MediaFiles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AboutHtml",
                table: "FirmProfiles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DisclaimerHtml",
                table: "FirmProfiles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PrivacyHtml",
                table: "FirmProfiles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RenderVersion",
                table: "FirmProfiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "BodyHtml",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RenderVersion",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TableOfContentsJson",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BodyHtml",
                table: "PracticeAreas");

            migrationBuilder.DropColumn(
                name: "RenderVersion",
                table: "PracticeAreas");

            migrationBuilder.DropColumn(
                name: "TableOfContentsJson",
                table: "PracticeAreas");

            migrationBuilder.DropColumn(
                name: "Variants",
                table: "MediaFiles");

            migrationBuilder.DropColumn(
                name: "AboutHtml",
                table: "FirmProfiles");

            migrationBuilder.DropColumn(
                name: "DisclaimerHtml",
                table: "FirmProfiles");

            migrationBuilder.DropColumn(
                name: "PrivacyHtml",
                table: "FirmProfiles");

            migrationBuilder.DropColumn(
                name: "RenderVersion",
                table: "FirmProfiles");

            migrationBuilder.DropColumn(
                name: "BodyHtml",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "RenderVersion",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "TableOfContentsJson",
                table: "Articles");
        }
    }
}
