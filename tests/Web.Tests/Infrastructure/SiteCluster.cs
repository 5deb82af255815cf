using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Npgsql;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>
/// Several instances of the real site, each its own process (PiriSite.Web.dll on Kestrel, Program.cs from the top),
/// on one PostgreSQL database and one Redis (its own key prefix), as behind a proxy in production. Clients share
/// one cookie jar, as one browser does whichever instance answers. Mail goes to a real SMTP server when one is given.
/// </summary>
public sealed class SiteCluster : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pirisite-cluster", Guid.NewGuid().ToString("N"));
    private readonly List<SiteProcess> _instances = [];
    private readonly Dictionary<string, string> _settings;

    /// <param name="settings">Configuration every instance gets (environment-variable form: Mail__Smtp__Host).</param>
    public SiteCluster(IDictionary<string, string>? settings = null, string? redisConfiguration = null)
    {
        Directory.CreateDirectory(_directory);
        ConnectionString = TestDatabase.CreatePostgresDatabase();
        RedisConfiguration = redisConfiguration ?? TestRedis.Configuration!;
        _settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Site"] = ConnectionString,
            ["Redis__Configuration"] = RedisConfiguration,
            ["Redis__InstanceName"] = TestRedis.NewInstanceName(),
            ["Media__Store"] = "Database",
            ["Site__DataProtectionKeysPath"] = Path.Combine(_directory, "keys"),
            ["Consultation__MinimumFillSeconds"] = "0",
            ["Consultation__RateLimit__PermitLimit"] = "1000000",
            ["Consultation__MaxAcknowledgementsPerAddressPerDay"] = "1000000",
            ["Security__SignInRateLimit__PermitLimit"] = "1000000",
            ["Advertising__ArchiveSiteOnStart"] = "false",
            ["Mail__PollSeconds"] = "1",
            ["Mail__RetryBaseSeconds"] = "1",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }
    }

    public string ConnectionString { get; }

    public string RedisConfiguration { get; }

    /// <summary>The cookie jar every client of the cluster shares.</summary>
    public ConcurrentDictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>Starts an instance named <paramref name="name"/> on a port of its own and waits until /healthz answers.</summary>
    public async Task<SiteProcess> StartAsync(string name, IDictionary<string, string>? settings = null)
    {
        var port = TestSmtpServer.FreePort();
        var start = new ProcessStartInfo("dotnet", ["PiriSite.Web.dll", "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        // One public address for all, as behind a proxy; the host is what host filtering checks, not the port.
        start.Environment["Site__PublicBaseUrl"] = "http://127.0.0.1";
        start.Environment["Site__InstanceName"] = name;
        start.Environment["Site__MediaPath"] = Path.Combine(_directory, name, "media");
        start.Environment["Mail__PickupDirectory"] = Path.Combine(_directory, name, "mail");
        foreach (var (key, value) in _settings.Concat(settings ?? new Dictionary<string, string>()))
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var site = new SiteProcess(name, port, process, Cookies);
        _instances.Add(site);
        await site.WaitUntilHealthyAsync();
        return site;
    }

    /// <summary>A connection of its own to the cluster's database.</summary>
    public async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>An in-process site on the cluster's database, for arranging data (staff accounts); no background work.</summary>
    public SiteFactory ArrangingFactory() => new(new Dictionary<string, string?> { ["ConnectionStrings:Site"] = ConnectionString })
    {
        RunsBackgroundServices = false,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }

        TestDatabase.DropPostgresDatabase(ConnectionString);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp folder cleans it up.
        }

        await Task.CompletedTask;
    }
}

/// <summary>One running instance: its address, a client for it (sharing the cluster's cookies), its output, and kill.</summary>
public sealed class SiteProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public SiteProcess(string name, int port, Process process, ConcurrentDictionary<string, string> cookies)
    {
        Name = name;
        Port = port;
        _process = process;
        _process.OutputDataReceived += (_, line) => { if (line.Data is not null) { _output.Enqueue(line.Data); } };
        _process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { _output.Enqueue(line.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Client = new HttpClient(new LoopbackCookieHandler(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }, cookies))
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>A client sharing the cluster's cookie jar (a member of staff signs in through it).</summary>
    public HttpClient Client { get; }

    /// <summary>A client with cookies of its own: a member of the public, whose pages come from the cache.</summary>
    public HttpClient NewVisitor() =>
        new(new LoopbackCookieHandler(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }))
        {
            BaseAddress = Client.BaseAddress,
            Timeout = Client.Timeout,
        };

    /// <summary>What the process wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no shutdown, no flush, as a machine failure.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    internal async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await Client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
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

        throw new InvalidOperationException($"Instance {Name} did not become healthy: {string.Join('\n', _output.TakeLast(40))}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Client.Dispose();
    }
}
