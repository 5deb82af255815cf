using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LeadsInboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_OpenUrgent",
                table: "ConsultationRequests",
                columns: new[] { "Status", "Urgency", "CourtDate" },
                filter: "\"Status\" IN ('New', 'Contacted', 'ConsultationScheduled') AND \"Urgency\" IN ('Detained', 'CourtDate')");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_PracticeAreaKey_Status",
                table: "ConsultationRequests",
                columns: new[] { "PracticeAreaKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_Status",
                table: "ConsultationRequests",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_OpenUrgent",
                table: "ConsultationRequests");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_PracticeAreaKey_Status",
                table: "ConsultationRequests");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_Status",
                table: "ConsultationRequests");
        }
    }
}
