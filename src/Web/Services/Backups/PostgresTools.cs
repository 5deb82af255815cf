using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace PiriSite.Web.Services.Backups;

/// <summary>
/// The PostgreSQL side of a backup and a restore: PostgreSQL's own pg_dump and pg_restore, given the site's
/// connection through libpq's environment variables, so the password never appears on a command line (which
/// any user of the machine can read in the process list).
/// </summary>
internal static class PostgresTools
{
    /// <summary>
    /// pg_dump's custom format: one compressed file, taken in one snapshot (a consistent copy while the site writes),
    /// restorable table by table with pg_restore.
    /// </summary>
    public static Task DumpAsync(string connectionString, string destination, CancellationToken cancellationToken) =>
        RunAsync(DumpCommand(connectionString, destination), cancellationToken);

    public static ProcessStartInfo DumpCommand(string connectionString, string destination) =>
        StartInfo("pg_dump", connectionString, ["--format=custom", "--no-password", $"--file={destination}"]);

    /// <summary>
    /// Restores into the configured database, empty or not: what is there of the backup's objects is dropped first
    /// (--clean --if-exists). In one transaction that stops at the first error, so a restore that fails leaves the
    /// database as it was. Ownership and grants are the new server's, not the old one's (whose roles may not exist).
    /// </summary>
    public static Task RestoreAsync(string connectionString, string archive, CancellationToken cancellationToken) =>
        RunAsync(RestoreCommand(connectionString, archive), cancellationToken);

    public static ProcessStartInfo RestoreCommand(string connectionString, string archive) =>
        StartInfo("pg_restore", connectionString,
        [
            "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--no-password",
            // Only the name: the rest of the connection comes from the environment, as for pg_dump.
            $"--dbname={new NpgsqlConnectionStringBuilder(connectionString).Database}", archive,
        ]);

    /// <summary>The tool's command: the connection's settings in PG* variables, none of them in the arguments.</summary>
    private static ProcessStartInfo StartInfo(string tool, string connectionString, IEnumerable<string> arguments)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(tool), arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Set(start, "PGHOST", connection.Host);
        Set(start, "PGPORT", connection.Port.ToString(CultureInfo.InvariantCulture));
        Set(start, "PGUSER", connection.Username);
        Set(start, "PGPASSWORD", connection.Password);
        Set(start, "PGDATABASE", connection.Database);
        Set(start, "PGSSLMODE", connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
        return start;
    }

    /// <summary>
    /// The tool on PATH (Debian's wrapper there picks the newest installed version), else the newest in
    /// /usr/lib/postgresql/*/bin. It must be the server's major version or newer: an older pg_dump refuses a newer server.
    /// </summary>
    public static string Find(string tool)
    {
        var file = OperatingSystem.IsWindows() ? tool + ".exe" : tool;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, file))
            .FirstOrDefault(File.Exists);
        const string installed = "/usr/lib/postgresql";
        var versioned = Directory.Exists(installed)
            ? Directory.GetDirectories(installed)
                .Select(folder => (Version: int.TryParse(Path.GetFileName(folder), out var version) ? version : 0, Path: Path.Combine(folder, "bin", file)))
                .Where(candidate => File.Exists(candidate.Path))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Path)
                .FirstOrDefault()
            : null;
        return onPath ?? versioned ?? throw new BackupFailedException(
            $"{tool} was not found on PATH or in {installed}/*/bin. Install the PostgreSQL client tools "
            + "(Debian and Ubuntu: apt-get install postgresql-client), of the server's major version or newer.");
    }

    private static void Set(ProcessStartInfo start, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            start.Environment[name] = value;
        }
    }

    private static async Task RunAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        var tool = Path.GetFileName(start.FileName);
        using var process = Process.Start(start) ?? throw new BackupFailedException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await output;
        var message = (await errors).Trim();
        if (process.ExitCode != 0)
        {
            throw new BackupFailedException($"{tool} failed (exit code {process.ExitCode}): {(message.Length > 0 ? message : "no message")}");
        }
    }
}
