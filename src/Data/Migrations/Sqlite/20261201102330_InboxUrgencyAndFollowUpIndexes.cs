using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxUrgencyAndFollowUpIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_PracticeAreaKey_PreferredLanguage_Status_CreatedAt",
                table: "ConsultationRequests");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_PreferredLanguage_Status_CreatedAt",
                table: "ConsultationRequests");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_FollowUpOn_Status",
                table: "ConsultationRequests",
                columns: new[] { "FollowUpOn", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_PracticeAreaKey_PreferredLanguage_Status_CreatedAt_Urgency_CourtDate",
                table: "ConsultationRequests",
                columns: new[] { "PracticeAreaKey", "PreferredLanguage", "Status", "CreatedAt", "Urgency", "CourtDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_PreferredLanguage_Status_CreatedAt_Urgency_CourtDate",
                table: "ConsultationRequests",
                columns: new[] { "PreferredLanguage", "Status", "CreatedAt", "Urgency", "CourtDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_FollowUpOn_Status",
                table: "ConsultationRequests");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_PracticeAreaKey_PreferredLanguage_Status_CreatedAt_Urgency_CourtDate",
                table: "ConsultationRequests");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_PreferredLanguage_Status_CreatedAt_Urgency_CourtDate",
                table: "ConsultationRequests");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_PracticeAreaKey_PreferredLanguage_Status_CreatedAt",
                table: "ConsultationRequests",
                columns: new[] { "PracticeAreaKey", "PreferredLanguage", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_PreferredLanguage_Status_CreatedAt",
                table: "ConsultationRequests",
                columns: new[] { "PreferredLanguage", "Status", "CreatedAt" });
        }
    }
}
