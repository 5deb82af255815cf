using System.Data.Common;
using PiriSite.Web.Services.Backups;

namespace PiriSite.Web.Commands;

/// <summary>
/// <c>dotnet run --project src/Web -- backup --to FOLDER</c>: a consistent copy of the database and the media
/// library, made while the site runs, in a new folder inside FOLDER (see <see cref="BackupService"/>). It takes
/// the database as it is: Program.cs runs it before the initialiser, so a backup made before an upgrade is of the
/// database before the upgrade.
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var to = CommandArguments.Option(args, "--to");
        if (string.IsNullOrWhiteSpace(to))
        {
            await output.WriteLineAsync("Usage: backup --to FOLDER  (makes a new backup folder inside FOLDER; the site may be running)");
            return 2;
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            var backup = await scope.ServiceProvider.GetRequiredService<BackupService>().CreateAsync(to);
            var manifest = backup.Manifest;
            await output.WriteLineAsync(
                $"Backed up the {manifest.Provider} database and {manifest.Files.Count - 1} media file(s) to {backup.Folder}");
            return 0;
        }
        catch (Exception exception) when (exception is BackupFailedException or IOException or UnauthorizedAccessException or DbException)
        {
            await output.WriteLineAsync($"The backup failed: {exception.Message}");
            return 1;
        }
    }
}
