using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProfileRevisionsAndPrincipalOffice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PrincipalOfficeCity",
                table: "FirmProfiles",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "FirmProfileRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedById = table.Column<string>(type: "TEXT", nullable: true),
                    SavedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedFields = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FirmProfileRevisions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FirmProfileRevisions_Culture_Number",
                table: "FirmProfileRevisions",
                columns: new[] { "Culture", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FirmProfileRevisions");

            migrationBuilder.DropColumn(
                name: "PrincipalOfficeCity",
                table: "FirmProfiles");
        }
    }
}
