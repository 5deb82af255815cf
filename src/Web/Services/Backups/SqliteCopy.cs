using Microsoft.Data.Sqlite;

namespace PiriSite.Web.Services.Backups;

/// <summary>The SQLite side of a backup and a restore: the online backup API, and a file put in place whole.</summary>
internal static class SqliteCopy
{
    // A reader rarely waits in WAL mode; when it must (a checkpoint), as long as a writer would.
    private const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>
    /// Copies the live database while the site may be writing to it: SQLite's online backup API, in one step, copies
    /// every page under one read transaction, so the copy is the database as it was at one instant, and writers go
    /// on meanwhile (WAL). Only committed transactions are in it: every request acknowledged before it began.
    /// </summary>
    public static void Backup(string connectionString, string destination)
    {
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (!File.Exists(source.DataSource))
        {
            // ReadWrite never creates the file; this says so plainly instead of SQLite's "unable to open".
            throw new BackupFailedException($"There is no database at {source.DataSource} to back up (ConnectionStrings:Site).");
        }

        using var from = new SqliteConnection(source.ToString());
        from.Open();
        Execute(from, $"PRAGMA busy_timeout={BusyTimeoutMilliseconds};");
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString());
        to.Open();
        from.BackupDatabase(to);
        // One self-contained file, nothing beside it; the site turns WAL back on when it opens a restored copy.
        Execute(to, "PRAGMA journal_mode=DELETE;");
    }

    /// <summary>
    /// Puts the backup's database file where the site's connection string points. An existing database (or its WAL)
    /// is refused unless <paramref name="replace"/>, and then kept beside it, renamed; returns that name.
    /// </summary>
    public static string? Restore(string backupFile, string connectionString, bool replace, DateTimeOffset now)
    {
        var target = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        // A WAL left beside a new file would be replayed into it: it goes (or is refused) with the database.
        string[] companions = [target, target + "-wal", target + "-shm"];
        var existing = companions.Where(File.Exists).ToList();
        if (existing.Count > 0 && !replace)
        {
            throw new BackupFailedException(
                $"There is already a database at {target}. Stop the site, then run the restore again with --replace to replace it "
                + "(the current file is kept beside it, renamed). Nothing was restored.");
        }

        string? setAside = null;
        if (existing.Count > 0)
        {
            setAside = $"{target}.before-restore-{now.UtcDateTime:yyyyMMdd-HHmmss}Z";
            foreach (var file in existing)
            {
                // The database and its -wal/-shm keep their pairing under the new name.
                File.Move(file, setAside + file[target.Length..]);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".restoring";
        File.Copy(backupFile, temporary, overwrite: true);
        using (var written = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite))
        {
            written.Flush(flushToDisk: true);
        }

        // Whole or not at all: the site never finds half a database under its name.
        File.Move(temporary, target);
        return setAside;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant statements (an integer constant at most), no input.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
