using PiriSite.Web.Services.Backups;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Services.Backups;

/// <summary>pg_dump and pg_restore get the connection through libpq's environment: a command line is public on the machine.</summary>
public sealed class PostgresToolsTests
{
    private const string Connection = "Host=db.internal;Port=5433;Username=pirisite;Password=pa55-not-for-argv;Database=firm;SSL Mode=Require";

    [PostgresFact]
    public void PgDumpAndPgRestoreGetTheConnectionThroughTheEnvironmentNeverTheirArguments()
    {
        foreach (var command in new[] { PostgresTools.DumpCommand(Connection, "/backups/pirisite.dump"), PostgresTools.RestoreCommand(Connection, "/backups/pirisite.dump") })
        {
            Assert.DoesNotContain(command.ArgumentList, argument => argument.Contains("pa55", StringComparison.Ordinal));
            Assert.Equal("pa55-not-for-argv", command.Environment["PGPASSWORD"]);
            Assert.Equal(("db.internal", "5433", "pirisite", "firm", "require"),
                (command.Environment["PGHOST"], command.Environment["PGPORT"], command.Environment["PGUSER"], command.Environment["PGDATABASE"], command.Environment["PGSSLMODE"]));
            Assert.Contains("--no-password", command.ArgumentList); // never waits at a prompt
        }

        Assert.Equal(
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--no-password", "--dbname=firm", "/backups/pirisite.dump"],
            PostgresTools.RestoreCommand(Connection, "/backups/pirisite.dump").ArgumentList);
    }
}
