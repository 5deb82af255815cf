using Microsoft.Data.Sqlite;
using PiriSite.Web.Commands;
using PiriSite.Web.Services.Backups;
using PiriSite.Web.Tests.Infrastructure;
using PiriSite.Web.Tests.Services.Media;
using SkiaSharp;

namespace PiriSite.Web.Tests.Services.Backups;

/// <summary>
/// With Media:Store = Database the images are rows: a backup carries them inside its copy of the database and no
/// media folder, and restores onto a site of either store.
/// </summary>
public sealed class DatabaseMediaBackupTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pirisite-backup-tests", Guid.NewGuid().ToString("N"));
    private readonly List<string> _restoredDatabases = [];

    [Fact]
    public async Task ABackupOfImagesInTheDatabaseHasNoMediaFolderAndRestoresOntoEitherStore()
    {
        using var original = new SiteFactory(new Dictionary<string, string?> { ["Media:Store"] = "Database" });
        var image = await MediaStoreTests.UploadAsync(original, ImageSamples.Photo(SKEncodedImageFormat.Jpeg, 1000, 500), "The office");
        var urls = new[] { image.Url, image.VariantUrl(480) };
        var served = new List<byte[]>();
        using (var visitor = original.CreateClient())
        {
            foreach (var url in urls)
            {
                served.Add(await visitor.GetByteArrayAsync(url));
            }
        }

        using var output = new StringWriter();
        Assert.True(await BackupCommand.RunAsync(original.Services, ["backup", "--to", Path.Combine(_directory, "backups")], output) == 0, output.ToString());
        var backup = Assert.Single(Directory.GetDirectories(Path.Combine(_directory, "backups")));
        var manifest = await BackupManifest.VerifyAsync(backup, CancellationToken.None);
        Assert.Equal([manifest.Database], manifest.Files.Select(f => f.Path));
        Assert.False(Directory.Exists(Path.Combine(backup, "media")));

        foreach (var store in new[] { "Database", "Folder" })
        {
            var media = Path.Combine(_directory, store, "media");
            var database = TestDatabase.IsPostgres ? TestDatabase.CreateEmptyPostgresDatabase() : $"Data Source={Path.Combine(_directory, store, "site.db")}";
            _restoredDatabases.Add(database);
            var (exit, restoreOutput) = await SiteCommandProcess.RunAsync(["restore", "--from", backup], new Dictionary<string, string>
            {
                ["Site__PublicBaseUrl"] = SiteFactory.BaseAddress,
                ["Database__Provider"] = TestDatabase.Provider.ToString(),
                ["ConnectionStrings__Site"] = database,
                ["Site__MediaPath"] = media,
                ["Media__Store"] = store,
            });
            Assert.True(exit == 0, restoreOutput);

            using var restored = new SiteFactory(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Site"] = database,
                ["Site:MediaPath"] = media,
                ["Media:Store"] = store,
            });
            using var visitor = restored.CreateClient();
            for (var i = 0; i < urls.Length; i++)
            {
                Assert.Equal(served[i], await visitor.GetByteArrayAsync(urls[i]));
            }

            // Served from the database, or from files written out of it as the Folder site started.
            Assert.Equal(store == "Folder" ? 3 : 0, Directory.Exists(media) ? Directory.GetFiles(media).Length : 0);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var database in _restoredDatabases.Where(_ => TestDatabase.IsPostgres))
        {
            TestDatabase.DropPostgresDatabase(database);
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
