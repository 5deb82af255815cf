using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticeVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "AcknowledgedNoticeVersion",
                table: "ConsultationRequests",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<string>(
                name: "AcknowledgedNoticeText",
                table: "ConsultationRequests",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 2000);

            migrationBuilder.AlterColumn<string>(
                name: "AcknowledgedNoticeCulture",
                table: "ConsultationRequests",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 10);

            migrationBuilder.AddColumn<int>(
                name: "NoticeVersionId",
                table: "ConsultationRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConsultationNoticeVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CheckboxLabel = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationNoticeVersions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_NoticeVersionId",
                table: "ConsultationRequests",
                column: "NoticeVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationNoticeVersions_Culture_Number",
                table: "ConsultationNoticeVersions",
                columns: new[] { "Culture", "Number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ConsultationRequests_ConsultationNoticeVersions_NoticeVersionId",
                table: "ConsultationRequests",
                column: "NoticeVersionId",
                principalTable: "ConsultationNoticeVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ConsultationRequests_ConsultationNoticeVersions_NoticeVersionId",
                table: "ConsultationRequests");

            migrationBuilder.DropTable(
                name: "ConsultationNoticeVersions");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_NoticeVersionId",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "NoticeVersionId",
                table: "ConsultationRequests");

            migrationBuilder.AlterColumn<string>(
                name: "AcknowledgedNoticeVersion",
                table: "ConsultationRequests",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 40,
                oldDefaultValue: "");

            migrationBuilder.AlterColumn<string>(
                name: "AcknowledgedNoticeText",
                table: "ConsultationRequests",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 2000,
                oldDefaultValue: "");

            migrationBuilder.AlterColumn<string>(
                name: "AcknowledgedNoticeCulture",
                table: "ConsultationRequests",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 10,
                oldDefaultValue: "");
        }
    }
}
