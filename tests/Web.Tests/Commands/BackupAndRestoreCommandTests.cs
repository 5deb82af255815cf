using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PiriSite.Web.Commands;
using PiriSite.Web.Services.Backups;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Commands;

/// <summary>
/// What the backup and restore commands refuse. The whole round trip, during a burst of requests, is in
/// Services/Backups/BackupRestoreTests.
/// </summary>
public sealed class BackupAndRestoreCommandTests(SiteFactory factory) : IClassFixture<SiteFactory>, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pirisite-backup-commands", Guid.NewGuid().ToString("N"));

    [Fact]
    public void OnlyTheCommandsNameAsFirstArgumentRunsIt()
    {
        Assert.True(BackupCommand.IsRequested(["backup", "--to", "/backups"]));
        Assert.True(RestoreCommand.IsRequested(["restore", "--from", "/backups/pirisite-20261201-030000Z"]));
        Assert.False(BackupCommand.IsRequested(["--urls", "http://127.0.0.1:5000", "backup"]));
        Assert.False(RestoreCommand.IsRequested([]));
    }

    [Fact]
    public async Task WithoutAFolderEachCommandShowsHowToUseIt()
    {
        using var output = new StringWriter();

        Assert.Equal(2, await BackupCommand.RunAsync(factory.Services, ["backup"], output));
        Assert.Equal(2, await RestoreCommand.RunAsync(factory.Services, ["restore", "--replace"], output));

        Assert.Contains("Usage: backup --to FOLDER", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage: restore --from BACKUP-FOLDER [--replace]  (stop the site first;", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADamagedOrUnfinishedBackupIsRefusedAndNothingIsRestored()
    {
        var backup = await BackUpAsync();
        var database = Path.Combine(backup, (await BackupManifest.ReadAsync(backup, default))!.Database);
        var afterTheBackup = await PostRequestAsync();
        var bytes = await File.ReadAllBytesAsync(database);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(database, bytes);

        var (damagedExit, damagedOutput) = await RestoreAsync(backup, "--replace");
        File.Delete(Path.Combine(backup, BackupManifest.FileName));
        var (unfinishedExit, unfinishedOutput) = await RestoreAsync(backup, "--replace");

        Assert.Equal(1, damagedExit);
        Assert.Contains($"is damaged: {Path.GetFileName(database)} is not the file that was backed up", damagedOutput, StringComparison.Ordinal);
        Assert.Equal(1, unfinishedExit);
        Assert.Contains("has no readable manifest.json: it is not a backup, or one that was cut off before it was finished. Nothing was restored.", unfinishedOutput, StringComparison.Ordinal);
        // The site's own database is the one it had: nothing set aside, the request made after the backup still there.
        Assert.Empty(SetAside(factory.DatabasePath));
        await using var scope = factory.CreateDbScope();
        Assert.True(await scope.Db.ConsultationRequests.AnyAsync(r => r.IdempotencyKey == afterTheBackup));
    }

    [SqliteFact]
    public async Task RestoringOntoAnExistingSqliteDatabaseWithoutReplaceIsRefused()
    {
        var backup = await BackUpAsync();

        var (exitCode, output) = await RestoreAsync(backup);

        Assert.Equal(1, exitCode);
        Assert.Contains($"There is already a database at {factory.DatabasePath}. Stop the site, then run the restore again with --replace", output, StringComparison.Ordinal);
        Assert.Empty(SetAside(factory.DatabasePath));
    }

    [SqliteFact]
    public async Task WithReplaceTheExistingSqliteDatabaseAndItsWalAreKeptBesideTheRestoredOne()
    {
        var backup = await BackUpAsync();
        var target = Path.Combine(_directory, "target", "site.db");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllTextAsync(target, "the database that was here");
        await File.WriteAllTextAsync(target + "-wal", "its write-ahead log");

        var (exitCode, output) = await SiteCommandProcess.RunAsync(["restore", "--from", backup, "--replace"], new Dictionary<string, string>
        {
            ["Site__PublicBaseUrl"] = SiteFactory.BaseAddress,
            ["ConnectionStrings__Site"] = $"Data Source={target}",
            ["Site__MediaPath"] = Path.Combine(_directory, "target", "media"),
        });

        Assert.True(exitCode == 0, output);
        var aside = Assert.Single(SetAside(target), path => !path.EndsWith("-wal", StringComparison.Ordinal));
        Assert.Contains($"The database that was there is kept as {aside}.", output, StringComparison.Ordinal);
        Assert.Equal("the database that was here", await File.ReadAllTextAsync(aside));
        Assert.Equal("its write-ahead log", await File.ReadAllTextAsync(aside + "-wal"));
        using var restored = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        restored.Open();
        using var check = restored.CreateCommand();
        check.CommandText = "SELECT (SELECT COUNT(*) FROM FirmProfiles) > 0 AND (SELECT integrity_check FROM pragma_integrity_check) = 'ok'";
        Assert.Equal(1L, check.ExecuteScalar());
    }

    private async Task<string> BackUpAsync()
    {
        using var output = new StringWriter();
        var exitCode = await BackupCommand.RunAsync(factory.Services, ["backup", "--to", Path.Combine(_directory, "backups")], output);
        Assert.True(exitCode == 0, output.ToString());
        return Directory.GetDirectories(Path.Combine(_directory, "backups")).Single();
    }

    private async Task<(int ExitCode, string Output)> RestoreAsync(string backup, params string[] options)
    {
        using var output = new StringWriter();
        var exitCode = await RestoreCommand.RunAsync(factory.Services, ["restore", "--from", backup, .. options], output);
        return (exitCode, output.ToString());
    }

    private async Task<Guid> PostRequestAsync()
    {
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        using var response = await form.PostAsync(client);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(form["IdempotencyKey"]);
    }

    private static string[] SetAside(string database) =>
        Directory.Exists(Path.GetDirectoryName(database))
            ? Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + ".before-restore-*")
            : [];

    public void Dispose()
    {
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
