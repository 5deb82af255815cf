using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiriSite.Web.Services.Backups;

/// <summary>
/// What a backup folder holds, written last: a folder without it (a backup cut off half-way) is not a backup, is
/// never restored and never counted or deleted by the daily backup's rotation. Every file is listed with its size
/// and SHA-256, checked before a restore.
/// </summary>
public sealed record BackupManifest
{
    public const string FileName = "manifest.json";

    /// <summary>Marks the folders this feature made (the rotation deletes no other).</summary>
    public const string BackupKind = "pirisite-backup";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A file for people to read too: "1.0.0+abc", not "1.0.0\u002Babc".
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public string Kind { get; init; } = BackupKind;

    public int FormatVersion { get; init; } = 1;

    public DatabaseProvider Provider { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string AppVersion { get; init; } = "";

    /// <summary>The database copy's file name: a SQLite file, or a pg_dump archive in its custom format.</summary>
    public string Database { get; init; } = "";

    public IReadOnlyList<BackupFile> Files { get; init; } = [];

    /// <summary>Writes the manifest through a temporary file, so it appears whole or not at all.</summary>
    public async Task WriteAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            await JsonSerializer.SerializeAsync(stream, this, s_json, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path);
    }

    /// <summary>The manifest of a folder this feature made, or null (no manifest, not ours, unreadable).</summary>
    public static async Task<BackupManifest?> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, s_json, cancellationToken);
            return manifest?.Kind == BackupKind ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads the manifest and checks every file it lists against its size and hash; throws saying what is wrong.</summary>
    public static async Task<BackupManifest> VerifyAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new BackupFailedException($"There is no backup folder at {folder}.");
        }

        var manifest = await ReadAsync(folder, cancellationToken)
            ?? throw new BackupFailedException(
                $"{folder} has no readable {FileName}: it is not a backup, or one that was cut off before it was finished. Nothing was restored.");
        if (manifest.FormatVersion != 1 || !manifest.Files.Any(f => f.Path == manifest.Database))
        {
            throw new BackupFailedException($"The manifest in {folder} does not list a database copy this version can read. Nothing was restored.");
        }

        foreach (var file in manifest.Files)
        {
            var path = BackupFile.FullPath(folder, file.Path);
            if (!File.Exists(path))
            {
                throw new BackupFailedException($"The backup in {folder} is incomplete: {file.Path} is missing. Nothing was restored.");
            }

            var actual = await BackupFile.DescribeAsync(folder, file.Path, forceToDisk: false, cancellationToken);
            if (actual != file)
            {
                throw new BackupFailedException(
                    $"The backup in {folder} is damaged: {file.Path} is not the file that was backed up (its size or SHA-256 differs). Nothing was restored.");
            }
        }

        return manifest;
    }
}

/// <summary>One file of a backup: its path inside the backup folder ('/'-separated), size and SHA-256 (hex).</summary>
public sealed record BackupFile(string Path, long Bytes, string Sha256)
{
    /// <param name="forceToDisk">When making the backup: each file is forced to disk before the manifest names it.</param>
    public static async Task<BackupFile> DescribeAsync(string folder, string relativePath, bool forceToDisk, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(FullPath(folder, relativePath), FileMode.Open, forceToDisk ? FileAccess.ReadWrite : FileAccess.Read);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        if (forceToDisk)
        {
            stream.Flush(flushToDisk: true);
        }

        return new BackupFile(relativePath, stream.Length, Convert.ToHexStringLower(hash));
    }

    /// <summary>
    /// The full path of a listed file, refused if it would lead outside the backup folder: a manifest is read from
    /// wherever the backup was kept, and the media it lists are copied into the site's folder.
    /// </summary>
    public static string FullPath(string folder, string relativePath)
    {
        var root = System.IO.Path.GetFullPath(folder);
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, relativePath));
        if (string.IsNullOrEmpty(relativePath) || System.IO.Path.IsPathRooted(relativePath) || relativePath.Contains('\\', StringComparison.Ordinal)
            || relativePath.Split('/').Any(segment => segment is "" or "." or "..")
            || !full.StartsWith(root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new BackupFailedException($"The manifest in {folder} names a file outside the backup ({relativePath}). Nothing was restored.");
        }

        return full;
    }
}
