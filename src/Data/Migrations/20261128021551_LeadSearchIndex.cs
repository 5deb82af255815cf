using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeadSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search for the leads inbox: an FTS5 table with the trigram tokenizer, so that
            // LIKE '%text%' over names, emails, phones and descriptions uses an index instead of scanning
            // every request. Triggers keep it in step with the requests (and delete with them).
            migrationBuilder.Sql("CREATE VIRTUAL TABLE LeadSearch USING fts5(Text, tokenize = 'trigram');");
            migrationBuilder.Sql("INSERT INTO LeadSearch(rowid, Text) SELECT Id, FullName || ' ' || coalesce(Email, '') || ' ' || coalesce(Phone, '') || ' ' || Description FROM ConsultationRequests;");
            migrationBuilder.Sql("CREATE TRIGGER LeadSearch_Insert AFTER INSERT ON ConsultationRequests BEGIN INSERT INTO LeadSearch(rowid, Text) VALUES (new.Id, new.FullName || ' ' || coalesce(new.Email, '') || ' ' || coalesce(new.Phone, '') || ' ' || new.Description); END;");
            migrationBuilder.Sql("CREATE TRIGGER LeadSearch_Delete AFTER DELETE ON ConsultationRequests BEGIN DELETE FROM LeadSearch WHERE rowid = old.Id; END;");
            migrationBuilder.Sql("CREATE TRIGGER LeadSearch_Update AFTER UPDATE OF FullName, Email, Phone, Description ON ConsultationRequests BEGIN UPDATE LeadSearch SET Text = new.FullName || ' ' || coalesce(new.Email, '') || ' ' || coalesce(new.Phone, '') || ' ' || new.Description WHERE rowid = new.Id; END;");

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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS LeadSearch_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS LeadSearch_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS LeadSearch_Insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS LeadSearch;");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_PracticeAreaKey",
                table: "ConsultationRequests");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_PreferredLanguage",
                table: "ConsultationRequests");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_Urgency_CourtDate",
                table: "ConsultationRequests");
        }
    }
}
