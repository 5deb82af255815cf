using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxKindAndReference : Migration
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

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Other");

            // Messages queued before this migration: their kind and reference are in their subjects
            // ("New consultation request PR-XXXXXX ..." for the firm, "... (PR-XXXXXX)" for the person).
            migrationBuilder.Sql("UPDATE OutboxMessages SET Kind = 'IntakeNotice', ConsultationReference = substr(Subject, 26, 9) WHERE Subject LIKE 'New consultation request PR-%';");
            migrationBuilder.Sql("UPDATE OutboxMessages SET Kind = 'Acknowledgement', ConsultationReference = substr(Subject, instr(Subject, '(PR-') + 1, 9) WHERE Kind = 'Other' AND instr(Subject, '(PR-') > 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConsultationReference",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "OutboxMessages");
        }
    }
}
