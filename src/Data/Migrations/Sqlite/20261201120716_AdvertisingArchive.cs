using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdvertisingArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdvertisingSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PageKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TranslationKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PageKey = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PublishedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CapturedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Html = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    TextHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FilingState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FilingReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ExemptReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FilingRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FilingRecordedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvertisingSnapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdvertisingSnapshots_CapturedAt_PublishedAt",
                table: "AdvertisingSnapshots",
                columns: new[] { "CapturedAt", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AdvertisingSnapshots_FilingState_PublishedAt",
                table: "AdvertisingSnapshots",
                columns: new[] { "FilingState", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AdvertisingSnapshots_PageKey_Culture_PublishedAt",
                table: "AdvertisingSnapshots",
                columns: new[] { "PageKey", "Culture", "PublishedAt" });

            // The archive is evidence: once captured, a snapshot's page, text and dates cannot be changed or deleted
            // by anyone with access to the application (only its filing record moves).
            migrationBuilder.Sql("""
                CREATE TRIGGER AdvertisingSnapshots_NeverChanged
                BEFORE UPDATE OF PageKind, TranslationKey, Culture, PageKey, PublishedAt, PublishedById, PublishedByName,
                    Reason, CapturedAt, Path, Title, Html, Text, TextHash ON AdvertisingSnapshots
                WHEN OLD.CapturedAt IS NOT NULL
                BEGIN SELECT RAISE(ABORT, 'An archived advertising snapshot is never changed.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AdvertisingSnapshots_NeverDeleted
                BEFORE DELETE ON AdvertisingSnapshots
                WHEN OLD.CapturedAt IS NOT NULL
                BEGIN SELECT RAISE(ABORT, 'An archived advertising snapshot is never deleted.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AdvertisingSnapshots_NeverChanged;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AdvertisingSnapshots_NeverDeleted;");
            migrationBuilder.DropTable(
                name: "AdvertisingSnapshots");
        }
    }
}
