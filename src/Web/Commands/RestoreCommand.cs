using System.Data.Common;
using PiriSite.Web.Services.Backups;

namespace PiriSite.Web.Commands;

/// <summary>
/// <c>dotnet run --project src/Web -- restore --from BACKUP-FOLDER [--replace]</c>, with the site stopped: puts a
/// backup back onto the configured database and media folder (see <see cref="BackupService.RestoreAsync"/>).
/// Program.cs runs it before the initialiser, which would otherwise migrate and seed the empty target first; the
/// initialiser runs after it instead, bringing an older backup's schema up to this version.
/// </summary>
public static class RestoreCommand
{
    public const string Name = "restore";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var from = CommandArguments.Option(args, "--from");
        if (string.IsNullOrWhiteSpace(from))
        {
            await output.WriteLineAsync(
                "Usage: restore --from BACKUP-FOLDER [--replace]  (stop the site first; --replace lets it replace an existing SQLite database, which is kept beside it, renamed)");
            return 2;
        }

        try
        {
            BackupRestored restored;
            await using (var scope = services.CreateAsyncScope())
            {
                restored = await scope.ServiceProvider.GetRequiredService<BackupService>().RestoreAsync(from, CommandArguments.Flag(args, "--replace"));
            }

            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<SiteDbInitialiser>().InitialiseAsync();
            }

            var manifest = restored.Manifest;
            await output.WriteLineAsync(
                $"Restored the {manifest.Provider} backup made {manifest.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC (version {manifest.AppVersion}) with {manifest.Files.Count - 1} media file(s).");
            if (restored.SetAside is { } setAside)
            {
                await output.WriteLineAsync($"The database that was there is kept as {setAside}.");
            }

            return 0;
        }
        catch (Exception exception) when (exception is BackupFailedException or IOException or UnauthorizedAccessException or DbException)
        {
            await output.WriteLineAsync($"The restore failed: {exception.Message}");
            return 1;
        }
    }
}
