using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeadsInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssignedToId",
                table: "ConsultationRequests",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedToName",
                table: "ConsultationRequests",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FollowUpOn",
                table: "ConsultationRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsUnread",
                table: "ConsultationRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "StatusChangedAt",
                table: "ConsultationRequests",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateTable(
                name: "LeadNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadNotes_ConsultationRequests_ConsultationRequestId",
                        column: x => x.ConsultationRequestId,
                        principalTable: "ConsultationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_CreatedAt",
                table: "ConsultationRequests",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_Status_StatusChangedAt",
                table: "ConsultationRequests",
                columns: new[] { "Status", "StatusChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadNotes_ConsultationRequestId_At",
                table: "LeadNotes",
                columns: new[] { "ConsultationRequestId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LeadNotes");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_CreatedAt",
                table: "ConsultationRequests");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_Status_StatusChangedAt",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "AssignedToId",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "AssignedToName",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "FollowUpOn",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "IsUnread",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "ConsultationRequests");
        }
    }
}
