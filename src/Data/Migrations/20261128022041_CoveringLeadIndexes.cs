using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class CoveringLeadIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_PracticeAreaKey",
                table: "ConsultationRequests");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_PreferredLanguage",
                table: "ConsultationRequests");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_Urgency_CourtDate",
                table: "ConsultationRequests");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_PracticeAreaKey_Status_CreatedAt",
                table: "ConsultationRequests",
                columns: new[] { "PracticeAreaKey", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_PreferredLanguage_Status_CreatedAt",
                table: "ConsultationRequests",
                columns: new[] { "PreferredLanguage", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_Urgency_CourtDate_Status_CreatedAt",
                table: "ConsultationRequests",
                columns: new[] { "Urgency", "CourtDate", "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_PracticeAreaKey_Status_CreatedAt",
                table: "ConsultationRequests");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_PreferredLanguage_Status_CreatedAt",
                table: "ConsultationRequests");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_Urgency_CourtDate_Status_CreatedAt",
                table: "ConsultationRequests");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_PracticeAreaKey",
                table: "ConsultationRequests",
                column: "PracticeAreaKey");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_PreferredLanguage",
                table: "ConsultationRequests",
                column: "PreferredLanguage");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_Urgency_CourtDate",
                table: "ConsultationRequests",
                columns: new[] { "Urgency", "CourtDate" });
        }
    }
}
