using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Content;
using PiriSite.Web.Commands;
using PiriSite.Web.Services.Media;
using PiriSite.Web.Tests.Infrastructure;
using SkiaSharp;
using Xunit.Abstractions;

namespace PiriSite.Web.Tests.Services.Backups;

/// <summary>
/// The promise of a backup: taken while people are sending requests, restored onto a fresh database and media folder,
/// the site that starts on it has every request acknowledged before the backup began, lets staff sign in as before
/// (password and authenticator: the data-protection keys came back with the database), and serves its pages and images.
/// </summary>
public sealed class BackupRestoreTests(ITestOutputHelper testOutput) : IDisposable
{
    private const string StaffEmail = "paralegal@pirisite.test";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pirisite-backup-tests", Guid.NewGuid().ToString("N"));
    private string? _restoredDatabase;

    [Fact]
    public async Task ABackupTakenDuringABurstOfRequestsRestoresOntoAFreshSiteWithEveryAcknowledgedRequestItsStaffAndItsImages()
    {
        using var original = new SiteFactory();
        var (_, authenticatorKey) = await StaffSessions.CreateAsync(original, StaffEmail, StaffRoles.Staff);
        var image = await UploadImageAsync(original);
        var imageBytes = await File.ReadAllBytesAsync(Path.Combine(original.MediaDirectory, image.StoredName));

        using var client = original.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        var acknowledged = new ConcurrentQueue<Guid>();
        using var stopBurst = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            while (!stopBurst.IsCancellationRequested)
            {
                var key = Guid.NewGuid();
                var values = ConsultationForm.ValidValues();
                values["IdempotencyKey"] = key.ToString();
                values["Description"] = $"Request {key} from worker {worker}";
                using var response = await form.PostAsync(client, values);
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    acknowledged.Enqueue(key);
                }
            }
        })).ToList();
        while (acknowledged.Count < 40)
        {
            await Task.Delay(5);
        }

        // The backup, in the middle of the burst: every request acknowledged by now must be in it.
        var acknowledgedBeforeBackup = acknowledged.ToArray();
        using var backupOutput = new StringWriter();
        var backupExit = await BackupCommand.RunAsync(original.Services, ["backup", "--to", Path.Combine(_directory, "backups")], backupOutput);
        var acknowledgedDuringBackup = acknowledged.Count - acknowledgedBeforeBackup.Length;
        await stopBurst.CancelAsync();
        await Task.WhenAll(workers);
        Assert.True(backupExit == 0, backupOutput.ToString());
        var backup = Assert.Single(Directory.GetDirectories(Path.Combine(_directory, "backups")));

        // Restored as on a fresh machine: the command's own process, a database that does not exist yet (SQLite) or is
        // empty (PostgreSQL), an empty media folder.
        var restoredMedia = Path.Combine(_directory, "restored", "media");
        _restoredDatabase = TestDatabase.IsPostgres ? TestDatabase.CreateEmptyPostgresDatabase() : $"Data Source={Path.Combine(_directory, "restored", "site.db")}";
        var (restoreExit, restoreOutput) = await SiteCommandProcess.RunAsync(["restore", "--from", backup], new Dictionary<string, string>
        {
            ["Site__PublicBaseUrl"] = SiteFactory.BaseAddress,
            ["Database__Provider"] = TestDatabase.Provider.ToString(),
            ["ConnectionStrings__Site"] = _restoredDatabase,
            ["Site__MediaPath"] = restoredMedia,
            ["Site__DataProtectionKeysPath"] = Path.Combine(_directory, "restored", "no-keys-here"),
        });
        testOutput.WriteLine($"acknowledged before the backup: {acknowledgedBeforeBackup.Length}, during it: {acknowledgedDuringBackup}, in all: {acknowledged.Count}");
        testOutput.WriteLine(backupOutput.ToString() + restoreOutput);
        Assert.True(restoreExit == 0, restoreOutput);

        using var restored = new SiteFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Site"] = _restoredDatabase,
            ["Site:MediaPath"] = restoredMedia,
        });
        await using (var scope = restored.CreateDbScope())
        {
            var stored = (await scope.Db.ConsultationRequests.Select(r => r.IdempotencyKey).ToListAsync()).ToHashSet();
            var missing = acknowledgedBeforeBackup.Where(key => !stored.Contains(key)).ToList();
            Assert.Empty(missing);
        }

        using var staff = await StaffSessions.SignInAsync(restored, StaffEmail, authenticatorKey);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/admin/leads")).StatusCode);
        using var visitor = restored.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/practice-areas/asylum")).StatusCode);
        Assert.Equal(imageBytes, await visitor.GetByteArrayAsync(image.Url));
    }

    private static async Task<MediaFile> UploadImageAsync(SiteFactory site)
    {
        var uploader = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "staff-id"), new Claim(ClaimTypes.Name, StaffEmail)], "Test"));
        var bytes = ImageSamples.Photo(SKEncodedImageFormat.Jpeg, 800, 400);
        await using var scope = site.Services.CreateAsyncScope();
        using var content = new MemoryStream(bytes);
        var result = await scope.ServiceProvider.GetRequiredService<MediaLibraryService>().UploadAsync(new MediaUpload(content, bytes.Length, "The office"), uploader);
        return result.Uploaded ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Values));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (TestDatabase.IsPostgres && _restoredDatabase is not null)
        {
            TestDatabase.DropPostgresDatabase(_restoredDatabase);
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
