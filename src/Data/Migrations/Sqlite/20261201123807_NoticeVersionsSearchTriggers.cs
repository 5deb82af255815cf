using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PiriSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticeVersionsSearchTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // NoticeVersions adds a foreign key to ConsultationRequests, which SQLite does by rebuilding the table, and
            // a rebuild drops the table's triggers: the leads' search-index triggers (InitialCreate) are made again.
            // In a migration of their own, because EF runs a migration's SQL before its table rebuilds.
            migrationBuilder.Sql("CREATE TRIGGER IF NOT EXISTS LeadSearch_Insert AFTER INSERT ON ConsultationRequests BEGIN INSERT INTO LeadSearch(rowid, Text) VALUES (new.Id, new.FullName || ' ' || coalesce(new.Email, '') || ' ' || coalesce(new.Phone, '') || ' ' || new.Description); END;");
            migrationBuilder.Sql("CREATE TRIGGER IF NOT EXISTS LeadSearch_Delete AFTER DELETE ON ConsultationRequests BEGIN DELETE FROM LeadSearch WHERE rowid = old.Id; END;");
            migrationBuilder.Sql("CREATE TRIGGER IF NOT EXISTS LeadSearch_Update AFTER UPDATE OF FullName, Email, Phone, Description ON ConsultationRequests BEGIN UPDATE LeadSearch SET Text = new.FullName || ' ' || coalesce(new.Email, '') || ' ' || coalesce(new.Phone, '') || ' ' || new.Description WHERE rowid = new.Id; END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
