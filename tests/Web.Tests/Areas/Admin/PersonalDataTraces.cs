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
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
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
#pragma warning disable CA2100 // Table names come from sqlite_master, not from input.
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

    /// <summary>The database file and its -wal, as they are on disk now (no checkpoint is run here).</summary>
    public static IReadOnlyList<string> DatabaseFilesContaining(SiteFactory factory, string marker) =>
        new[] { factory.DatabasePath, factory.DatabasePath + "-wal" }.Where(f => File.Exists(f) && Contains(ReadShared(f), marker)).ToList();

    public static async Task CheckpointAsync(SiteFactory factory)
    {
        await using var scope = factory.CreateDbScope();
        await scope.Db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
    }

    public static bool Contains(byte[] haystack, string marker)
    {
        var needle = Encoding.UTF8.GetBytes(marker.ToLowerInvariant());
        var lowered = haystack.Select(b => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b).ToArray();
        return lowered.AsSpan().IndexOf(needle) >= 0;
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
