using System.Collections.Concurrent;
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
        var environment = new Dictionary<string, string>(_settings, StringComparer.Ordinal)
        {
            // One public address for all, as behind a proxy; the host is what host filtering checks, not the port.
            ["Site__PublicBaseUrl"] = "http://127.0.0.1",
            ["Site__InstanceName"] = name,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var site = new SiteProcess(name, await SiteServerProcess.StartAsync(environment, "Testing"), Cookies);
        _instances.Add(site);
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
            await instance.DisposeAsync();
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
    }
}

/// <summary>One running instance: its name, a client for it (sharing the cluster's cookies), its output, and kill.</summary>
public sealed class SiteProcess(string name, SiteServerProcess server, ConcurrentDictionary<string, string> cookies) : IAsyncDisposable
{
    public string Name { get; } = name;

    /// <summary>A client sharing the cluster's cookie jar (a member of staff signs in through it).</summary>
    public HttpClient Client { get; } = new(new LoopbackCookieHandler(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }, cookies))
    {
        BaseAddress = server.Address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public bool HasExited => server.HasExited;

    /// <summary>A client with cookies of its own: a member of the public, whose pages come from the cache.</summary>
    public HttpClient NewVisitor() =>
        new(new LoopbackCookieHandler(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }))
        {
            BaseAddress = Client.BaseAddress,
            Timeout = Client.Timeout,
        };

    /// <summary>SIGKILL: no shutdown, no flush, as a machine failure.</summary>
    public Task KillAsync() => server.KillAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await server.DisposeAsync();
    }
}
