using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxMessagesGoWithTheirRequest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ConsultationRequestId",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ConsultationRequestId",
                table: "OutboxMessages",
                column: "ConsultationRequestId");

            migrationBuilder.AddForeignKey(
                name: "FK_OutboxMessages_ConsultationRequests_ConsultationRequestId",
                table: "OutboxMessages",
                column: "ConsultationRequestId",
                principalTable: "ConsultationRequests",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            // Messages stored before this link: both kinds (intake notice, acknowledgement) name their request's
            // reference in the subject, and a reference ("PR-" and six characters) is never part of another.
            migrationBuilder.Sql("UPDATE OutboxMessages SET ConsultationRequestId = (SELECT r.Id FROM ConsultationRequests r WHERE OutboxMessages.Subject LIKE '%' || r.Reference || '%') WHERE ConsultationRequestId IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutboxMessages_ConsultationRequests_ConsultationRequestId",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ConsultationRequestId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ConsultationRequestId",
                table: "OutboxMessages");
        }
    }
}
