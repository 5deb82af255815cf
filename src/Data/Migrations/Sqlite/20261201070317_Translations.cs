using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Translations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "PracticeAreas",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "PracticeAreas",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SourceTextVersion",
                table: "PracticeAreas",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TextVersion",
                table: "PracticeAreas",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "AcknowledgedNoticeCulture",
                table: "ConsultationRequests",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AcknowledgedNoticeText",
                table: "ConsultationRequests",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "SourceTextVersion",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TextVersion",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "PracticeAreas");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "PracticeAreas");

            migrationBuilder.DropColumn(
                name: "SourceTextVersion",
                table: "PracticeAreas");

            migrationBuilder.DropColumn(
                name: "TextVersion",
                table: "PracticeAreas");

            migrationBuilder.DropColumn(
                name: "AcknowledgedNoticeCulture",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "AcknowledgedNoticeText",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "SourceTextVersion",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "TextVersion",
                table: "Articles");
        }
    }
}
