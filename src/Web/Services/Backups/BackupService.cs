using System.Globalization;
using System.Reflection;
using PiriSite.Web.Services.Media;

namespace PiriSite.Web.Services.Backups;

/// <summary>A backup made: its folder and what its manifest lists.</summary>
public sealed record BackupMade(string Folder, BackupManifest Manifest);

/// <summary>A backup restored: its manifest, and where the database that was there was kept (SQLite, --replace).</summary>
public sealed record BackupRestored(BackupManifest Manifest, string? SetAside);

/// <summary>
/// Backs the site up while it runs and restores a backup onto a stopped site: the database (SQLite's online backup,
/// or pg_dump) and the media library, each backup a new folder named by its UTC time with a manifest written last.
/// With Media:Store = Database the images are rows of the database and travel inside its copy: no media folder is
/// copied (the folder is then only where a switched site's old images were imported from).
/// </summary>
public sealed class BackupService(SiteDbContext db, MediaFolder media, IOptions<MediaOptions> mediaOptions, TimeProvider clock)
{
    public const string FolderPrefix = "pirisite-";
    private const string MediaFolderName = "media";

    private bool IsSqlite => db.Database.IsSqlite();

    private bool MediaInDatabase => mediaOptions.Value.Store == MediaStoreKind.Database;

    private DatabaseProvider Provider => IsSqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    private string ConnectionString => db.Database.GetConnectionString()
        ?? throw new BackupFailedException("ConnectionStrings:Site is not set.");

    /// <summary>Makes a new backup folder inside <paramref name="parentFolder"/>; a backup that fails is removed.</summary>
    public async Task<BackupMade> CreateAsync(string parentFolder, CancellationToken cancellationToken = default)
    {
        var createdAt = clock.GetUtcNow();
        var folder = NewFolder(Path.GetFullPath(parentFolder), createdAt);
        try
        {
            var database = IsSqlite ? "pirisite.db" : "pirisite.dump";
            if (IsSqlite)
            {
                SqliteCopy.Backup(ConnectionString, Path.Combine(folder, database));
            }
            else
            {
                await PostgresTools.DumpAsync(ConnectionString, Path.Combine(folder, database), cancellationToken);
            }

            // After the database: an image that a row of the copy names was on disk before the copy began. (An image
            // uploaded since is copied too, harmlessly: nothing in this backup refers to it.)
            List<string> mediaFiles = MediaInDatabase ? [] : await CopyMediaAsync(Path.Combine(folder, MediaFolderName), cancellationToken);

            var files = new List<BackupFile>();
            foreach (var path in (string[])[database, .. mediaFiles])
            {
                files.Add(await BackupFile.DescribeAsync(folder, path, forceToDisk: true, cancellationToken));
            }

            var manifest = new BackupManifest
            {
                Provider = Provider,
                CreatedAt = createdAt,
                AppVersion = AppVersion,
                Database = database,
                Files = files,
            };
            await manifest.WriteAsync(folder, cancellationToken);
            return new BackupMade(folder, manifest);
        }
        catch
        {
            TryDelete(folder);
            throw;
        }
    }

    /// <summary>
    /// Restores a backup onto the configured database and media folder, after checking every file's hash. The site
    /// must be stopped. SQLite refuses an existing database unless <paramref name="replace"/>; PostgreSQL restores
    /// into the configured database, empty or not. Media files are copied back beside any already there. Either kind
    /// of backup restores onto a site of either Media:Store: as the site starts, <see cref="MediaStoreSwitch"/> copies
    /// a Folder backup's images into the database (Database), or a Database backup's out to the folder (Folder).
    /// </summary>
    public async Task<BackupRestored> RestoreAsync(string backupFolder, bool replace, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(backupFolder);
        var manifest = await BackupManifest.VerifyAsync(folder, cancellationToken);
        if (manifest.Provider != Provider)
        {
            throw new BackupFailedException(
                $"This is a {manifest.Provider} backup and the site is configured for {Provider} (Database:Provider). Nothing was restored.");
        }

        var database = BackupFile.FullPath(folder, manifest.Database);
        string? setAside = null;
        if (IsSqlite)
        {
            setAside = SqliteCopy.Restore(database, ConnectionString, replace, clock.GetUtcNow());
        }
        else
        {
            await PostgresTools.RestoreAsync(ConnectionString, database, cancellationToken);
        }

        Directory.CreateDirectory(media.Path);
        foreach (var file in manifest.Files.Where(f => f.Path.StartsWith(MediaFolderName + "/", StringComparison.Ordinal)))
        {
            File.Copy(BackupFile.FullPath(folder, file.Path), media.PathOf(Path.GetFileName(file.Path)), overwrite: true);
        }

        return new BackupRestored(manifest, setAside);
    }

    /// <summary>The backups this feature made in <paramref name="parentFolder"/> (those with a manifest), newest first.</summary>
    public static async Task<IReadOnlyList<BackupMade>> ListAsync(string parentFolder, CancellationToken cancellationToken = default)
    {
        var backups = new List<BackupMade>();
        if (!Directory.Exists(parentFolder))
        {
            return backups;
        }

        foreach (var folder in Directory.GetDirectories(parentFolder, FolderPrefix + "*"))
        {
            if (await BackupManifest.ReadAsync(folder, cancellationToken) is { } manifest)
            {
                backups.Add(new BackupMade(folder, manifest));
            }
        }

        return [.. backups.OrderByDescending(b => b.Manifest.CreatedAt)];
    }

    /// <summary>Deletes all but the <paramref name="keep"/> newest backups (at least one is always kept); returns the folders deleted.</summary>
    public static async Task<IReadOnlyList<string>> DeleteOlderAsync(string parentFolder, int keep, CancellationToken cancellationToken = default)
    {
        var older = (await ListAsync(parentFolder, cancellationToken)).Skip(Math.Max(1, keep)).Select(b => b.Folder).ToList();
        foreach (var folder in older)
        {
            Directory.Delete(folder, recursive: true);
        }

        return older;
    }

    private static string AppVersion =>
        typeof(BackupService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>A new folder named by the UTC time; a second backup within the same second gets a number after it.</summary>
    private static string NewFolder(string parentFolder, DateTimeOffset createdAt)
    {
        var name = FolderPrefix + createdAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "Z";
        for (var attempt = 1; ; attempt++)
        {
            var folder = Path.Combine(parentFolder, attempt == 1 ? name : $"{name}-{attempt}");
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                return folder;
            }
        }
    }

    /// <summary>
    /// The library's files, which lie flat in its folder. Its pending/ subfolder is left out: uploads not yet
    /// confirmed, whose metadata (a phone's location) is not yet removed, and which expire within the hour.
    /// </summary>
    private async Task<List<string>> CopyMediaAsync(string destination, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(destination);
        var copied = new List<string>();
        if (!Directory.Exists(media.Path))
        {
            return copied;
        }

        foreach (var file in Directory.GetFiles(media.Path).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(file);
            await using (var from = File.OpenRead(file))
            await using (var to = new FileStream(Path.Combine(destination, name), FileMode.CreateNew, FileAccess.Write))
            {
                await from.CopyToAsync(to, cancellationToken);
            }

            copied.Add($"{MediaFolderName}/{name}");
        }

        return copied;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left behind without a manifest: never restored, and the rotation leaves it alone.
        }
    }
}
