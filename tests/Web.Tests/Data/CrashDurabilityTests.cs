using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using PiriSite.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PiriSite.Web.Tests.Data;

/// <summary>
/// The promise behind the consultation form: a request the site acknowledged is never lost. The real site
/// runs as its own process; it is killed with SIGKILL (no shutdown, no flush) in the middle of a burst of
/// concurrent submissions, and every acknowledged request must then be in the database, once. On SQLite the
/// database is a file the killed process was writing; on PostgreSQL (when <see cref="TestDatabase"/> says so) it
/// is a database of its own on the server, which outlives the site: there the test shows that the site answers
/// only after the server has committed.
/// </summary>
public sealed class CrashDurabilityTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pirisite-crash", Guid.NewGuid().ToString("N"));
    private readonly string? _postgres = TestDatabase.IsPostgres ? TestDatabase.CreatePostgresDatabase() : null;
    private readonly ITestOutputHelper _output;

    public CrashDurabilityTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_directory);
    }

    private string DatabasePath => Path.Combine(_directory, "site.db");

    [Fact]
    public async Task EveryAcknowledgedRequestSurvivesAKillInTheMiddleOfABurst()
    {
        var port = TestSmtpServer.FreePort();
        using var site = StartSite(port);
        using var handler = new LoopbackCookieHandler(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilHealthyAsync(client, site);
        var form = await ConsultationForm.LoadAsync(client);

        var acknowledged = new ConcurrentBag<Guid>();
        var failedAfterKill = 0;
        using var stopBurst = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            while (!stopBurst.IsCancellationRequested)
            {
                var key = Guid.NewGuid();
                var values = ConsultationForm.ValidValues();
                values["IdempotencyKey"] = key.ToString();
                values["Description"] = $"Burst request from worker {worker}";
                try
                {
                    using var response = await form.PostAsync(client, values);
                    if (response.StatusCode == HttpStatusCode.Redirect)
                    {
                        acknowledged.Add(key);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failedAfterKill);
                    return; // the site is gone: this request was never acknowledged
                }
            }
        })).ToList();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (acknowledged.Count < 150 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        // SIGKILL while the other requests are in flight.
        site.Kill(entireProcessTree: true);
        await site.WaitForExitAsync();
        await stopBurst.CancelAsync();
        await Task.WhenAll(workers);

        Assert.True(acknowledged.Count >= 150, $"only {acknowledged.Count} requests were acknowledged before the kill");
        Assert.True(failedAfterKill > 0, "the kill should have cut off requests in flight");

        var stored = ReadStoredKeys();
        _output.WriteLine($"acknowledged before the kill: {acknowledged.Count}; cut off by the kill: {failedAfterKill}; rows after restart: {stored.Count}");
        var missing = acknowledged.Where(key => !stored.ContainsKey(key)).ToList();
        Assert.Empty(missing);
        Assert.All(acknowledged, key => Assert.Equal(1, stored[key]));
        // The file the killed process was writing is whole. (On PostgreSQL the server, not the site, writes the files.)
        if (_postgres is null)
        {
            Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
        }

        // And the site starts again on the same database.
        using var restarted = StartSite(port);
        await WaitUntilHealthyAsync(client, restarted);
        restarted.Kill(entireProcessTree: true);
        await restarted.WaitForExitAsync();
    }

    private Process StartSite(int port)
    {
        var start = new ProcessStartInfo("dotnet", ["PiriSite.Web.dll", "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Site__PublicBaseUrl"] = $"http://127.0.0.1:{port}";
        if (_postgres is null)
        {
            start.Environment["ConnectionStrings__Site"] = $"Data Source={DatabasePath}";
        }
        else
        {
            start.Environment["Database__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__Site"] = _postgres;
        }

        start.Environment["Site__DataProtectionKeysPath"] = Path.Combine(_directory, "keys");
        start.Environment["Mail__PickupDirectory"] = Path.Combine(_directory, "mail");
        start.Environment["Consultation__RateLimit__PermitLimit"] = "1000000";
        start.Environment["Consultation__MinimumFillSeconds"] = "0";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client, Process site)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !site.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"The site did not become healthy (exited: {site.HasExited}).");
    }

    private Dictionary<Guid, int> ReadStoredKeys()
    {
        using var connection = OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "IdempotencyKey", COUNT(*) FROM "ConsultationRequests" GROUP BY "IdempotencyKey" """;
        using var reader = command.ExecuteReader();
        var keys = new Dictionary<Guid, int>();
        while (reader.Read())
        {
            // SQLite stores the key as text, PostgreSQL as uuid.
            keys[reader.GetFieldValue<Guid>(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return keys;
    }

    private string Scalar(string sql)
    {
        using var connection = OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>The site's database, opened afresh (for SQLite, no pooled connection from before the kill).</summary>
    private DbConnection OpenDatabase()
    {
        DbConnection connection;
        if (_postgres is null)
        {
            SqliteConnection.ClearAllPools();
            connection = new SqliteConnection($"Data Source={DatabasePath}");
        }
        else
        {
            connection = new NpgsqlConnection(_postgres);
        }

        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            TestDatabase.DropPostgresDatabase(_postgres);
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
