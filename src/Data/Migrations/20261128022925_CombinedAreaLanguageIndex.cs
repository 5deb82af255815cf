using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class CombinedAreaLanguageIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_PracticeAreaKey_Status_CreatedAt",
                table: "ConsultationRequests");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_PracticeAreaKey_PreferredLanguage_Status_CreatedAt",
                table: "ConsultationRequests",
                columns: new[] { "PracticeAreaKey", "PreferredLanguage", "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_PracticeAreaKey_PreferredLanguage_Status_CreatedAt",
                table: "ConsultationRequests");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_PracticeAreaKey_Status_CreatedAt",
                table: "ConsultationRequests",
                columns: new[] { "PracticeAreaKey", "Status", "CreatedAt" });
        }
    }
}
