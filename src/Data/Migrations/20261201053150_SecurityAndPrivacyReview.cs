using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class SecurityAndPrivacyReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ConsultationReference",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConsultationRequestId",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Other");

            migrationBuilder.AddColumn<string>(
                name: "Mailbox",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ConsultationRequestId",
                table: "OutboxMessages",
                column: "ConsultationRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Mailbox_CreatedAt",
                table: "OutboxMessages",
                columns: new[] { "Mailbox", "CreatedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_OutboxMessages_ConsultationRequests_ConsultationRequestId",
                table: "OutboxMessages",
                column: "ConsultationRequestId",
                principalTable: "ConsultationRequests",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            // Messages queued before this migration: their kind and reference are in their subjects
            // ("New consultation request PR-XXXXXX ..." for the firm, "... (PR-XXXXXX)" for the person).
            migrationBuilder.Sql("UPDATE OutboxMessages SET Kind = 'IntakeNotice', ConsultationReference = substr(Subject, 26, 9) WHERE Subject LIKE 'New consultation request PR-%';");
            migrationBuilder.Sql("UPDATE OutboxMessages SET Kind = 'Acknowledgement', ConsultationReference = substr(Subject, instr(Subject, '(PR-') + 1, 9) WHERE Kind = 'Other' AND instr(Subject, '(PR-') > 0;");

            // And their request: both kinds name its reference in the subject, and a reference ("PR-" and six
            // characters) is never part of another. Linked, they are deleted with it.
            migrationBuilder.Sql("UPDATE OutboxMessages SET ConsultationRequestId = (SELECT r.Id FROM ConsultationRequests r WHERE OutboxMessages.Subject LIKE '%' || r.Reference || '%') WHERE ConsultationRequestId IS NULL;");

            // Before this migration a deleted request left its emails behind: those still naming a reference that no
            // longer exists go now, and what was delivered keeps no body.
            migrationBuilder.Sql("DELETE FROM OutboxMessages WHERE ConsultationRequestId IS NULL AND ConsultationReference IS NOT NULL;");
            migrationBuilder.Sql("UPDATE OutboxMessages SET TextBody = '' WHERE Status = 'Sent';");

            // Acknowledgements from the last day count towards the daily cap; lower case is close enough to their mailbox.
            migrationBuilder.Sql("UPDATE OutboxMessages SET Mailbox = lower(trim(\"To\")) WHERE Kind = 'Acknowledgement';");
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

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Mailbox_CreatedAt",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ConsultationReference",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ConsultationRequestId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Mailbox",
                table: "OutboxMessages");
        }
    }
}
