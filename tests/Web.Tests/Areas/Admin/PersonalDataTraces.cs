using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// Looks for a marker (a made-up name or address) wherever the site could have kept it: every column of every
/// table, every file of the mail pickup folder, and the raw bytes of the database file and its write-ahead log.
/// The search ignores ASCII case, so "Quenzaldrix" in a name and "quenzaldrix" in an address both count.
/// </summary>
internal static class PersonalDataTraces
{
    public static async Task<IReadOnlyList<string>> TablesContainingAsync(SiteFactory factory, string marker)
    {
        await using var scope = factory.CreateDbScope();
        var connection = scope.Db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = TestDatabase.IsPostgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
#pragma warning disable CA2100 // Table names come from the database's catalogue, not from input.
            select.CommandText = $"SELECT * FROM \"{table}\"";
#pragma warning restore CA2100
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (RowContains(reader, marker))
                {
                    found.Add(table);
                    break;
                }
            }
        }

        return found;
    }

    private static bool RowContains(DbDataReader reader, string marker)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            var bytes = value switch
            {
                byte[] blob => blob,
                string text => Encoding.UTF8.GetBytes(text),
                _ => null,
            };
            if (bytes is not null && Contains(bytes, marker))
            {
                return true;
            }
        }

        return false;
    }

    public static IReadOnlyList<string> FilesContaining(string directory, string marker) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Where(f => Contains(ReadShared(f), marker)).ToList()
            : [];

    /// <summary>
    /// SQLite: the database file and its -wal, as they are on disk now (no checkpoint is run here). PostgreSQL: the
    /// files of every table and index (heap and index pages, after a CHECKPOINT writes them out; the write-ahead
    /// log is not among them: its segments are recycled, not cleared, see README "Privacy").
    /// </summary>
    public static async Task<IReadOnlyList<string>> DatabaseFilesContainingAsync(SiteFactory factory, string marker)
    {
        var files = TestDatabase.IsPostgres
            ? await PostgresRelationFilesAsync(factory)
            : new[] { factory.DatabasePath, factory.DatabasePath + "-wal" }.Where(File.Exists).ToList();
        return files.Where(f => Contains(ReadShared(f), marker)).ToList();
    }

    public static async Task CheckpointAsync(SiteFactory factory)
    {
        await using var scope = factory.CreateDbScope();
        await scope.Db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres ? "CHECKPOINT;" : "PRAGMA wal_checkpoint(TRUNCATE);");
    }

    /// <summary>
    /// PostgreSQL's VACUUM FULL copies a deleted row that a transaction open at that moment could still see (the
    /// site's background work may hold one); the next rewrite drops it. The file check waits for that rewrite.
    /// </summary>
    public static async Task RewriteRequestTablesAsync(SiteFactory factory)
    {
        if (TestDatabase.IsPostgres)
        {
            await using var scope = factory.CreateDbScope();
            await scope.Db.Database.ExecuteSqlRawAsync("""VACUUM FULL "ConsultationRequests", "LeadNotes", "OutboxMessages";""");
        }
    }

    private static async Task<List<string>> PostgresRelationFilesAsync(SiteFactory factory)
    {
        await CheckpointAsync(factory);
        await using var connection = await factory.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT current_setting('data_directory') || '/' || pg_relation_filepath(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i', 't') AND pg_relation_filepath(c.oid) IS NOT NULL
            UNION ALL
            SELECT current_setting('data_directory') || '/' || pg_relation_filepath(c.reltoastrelid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.reltoastrelid <> 0
            """;
        var files = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // A relation's first segment; larger ones continue in .1, .2…
            var path = reader.GetString(0);
            files.AddRange(new[] { path }.Concat(Enumerable.Range(1, 100).Select(i => $"{path}.{i}")).TakeWhile(File.Exists));
        }

        return files;
    }

    public static bool Contains(byte[] haystack, string marker)
    {
        var needle = Encoding.UTF8.GetBytes(marker.ToLowerInvariant());
        var lowered = haystack.Select(b => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b).ToArray();
        return lowered.AsSpan().IndexOf(needle) >= 0;
    }

    private static byte[] ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return []; // a -wal emptied and removed by a checkpoint between the listing and the read
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
