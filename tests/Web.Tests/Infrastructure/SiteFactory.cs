using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data;
using PiriSite.Web.Services.Advertising;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>
/// The real app over its own SQLite file in a temporary folder (or its own PostgreSQL database, see
/// <see cref="TestDatabase"/>), in a non-Development environment (so the friendly error pages and HSTS are what
/// the tests see, as in production).
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pirisite-tests", Guid.NewGuid().ToString("N"));

    private readonly Dictionary<string, string?> _settings;

    /// <summary>The site whose database this one uses (a second instance), or null when it has its own.</summary>
    private readonly SiteFactory? _databaseOwner;

    public SiteFactory()
        : this(null)
    {
    }

    /// <param name="settings">Configuration to override for this factory, e.g. a low rate limit.</param>
    /// <param name="sharesDatabaseWith">
    /// Another site whose database this one uses, as a second instance behind a proxy does: same rows and
    /// data-protection keys, its own media folder and mail folder. The first site owns (and drops) the database.
    /// </param>
    internal SiteFactory(IDictionary<string, string?>? settings, SiteFactory? sharesDatabaseWith = null)
    {
        _databaseOwner = sharesDatabaseWith;
        ConnectionString = sharesDatabaseWith?.ConnectionString ?? (TestDatabase.IsPostgres ? TestDatabase.CreatePostgresDatabase() : "");
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            // The one public address (required outside Development); the test client's requests carry its host.
            ["Site:PublicBaseUrl"] = BaseAddress,
            // Tests post forms faster than people and from one address; the tests of these limits set their own.
            ["Consultation:MinimumFillSeconds"] = "0",
            ["Consultation:RateLimit:PermitLimit"] = "100000",
            ["Consultation:MaxAcknowledgementsPerAddressPerDay"] = "100000",
            ["Security:SignInRateLimit:PermitLimit"] = "100000",
            ["Mail:PickupDirectory"] = Path.Combine(_directory, "mail"),
            ["Site:MediaPath"] = Path.Combine(_directory, "media"),
            ["Mail:PollSeconds"] = "1",
            ["Mail:RetryBaseSeconds"] = "1",
            // Each test's site would render every page in every language at start; the archive's own tests turn it on.
            ["Advertising:ArchiveSiteOnStart"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        Directory.CreateDirectory(_directory);
        // Not "localhost": browsers ignore HSTS there, and so does the header middleware.
        ClientOptions.BaseAddress = new Uri(BaseAddress);
        ClientOptions.AllowAutoRedirect = false;
    }

    public const string BaseAddress = "https://www.pirisite.test";

    public string DatabasePath => _databaseOwner?.DatabasePath ?? Path.Combine(_directory, "site.db");

    /// <summary>The site's connection string: its SQLite file, or its own PostgreSQL database (or those of the site it shares them with).</summary>
    public string ConnectionString { get; }

    /// <summary>A second instance of this site: on its database, with the same settings plus <paramref name="settings"/>.</summary>
    internal SiteFactory SecondInstance(IDictionary<string, string?>? settings = null)
    {
        var combined = new Dictionary<string, string?>(_settings, StringComparer.OrdinalIgnoreCase);
        combined.Remove("Mail:PickupDirectory");
        combined.Remove("Site:MediaPath");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            combined[key] = value;
        }

        return new SiteFactory(combined, sharesDatabaseWith: this);
    }

    public string MailPickupDirectory => _settings["Mail:PickupDirectory"]!;

    public string MediaDirectory => _settings["Site:MediaPath"]!;

    /// <summary>
    /// False for tests that arrange data the site's own background work would change under them (the retention
    /// job's first run, the outbox sender, the publication watcher): their services stay registered and callable.
    /// </summary>
    public bool RunsBackgroundServices { get; init; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (TestDatabase.IsPostgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Site", ConnectionString);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Site", $"Data Source={DatabasePath}");
        }

        builder.UseSetting("Site:DataProtectionKeysPath", Path.Combine(_directory, "keys"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // Outside Development the stylesheet would otherwise be served empty from bin/ (see shared/TESTING.md).
        builder.UseStaticWebAssets();
        // The advertising archive fetches pages from the site itself: in memory here, over loopback on Kestrel.
        builder.ConfigureTestServices(services => services.AddHttpClient(SiteLoopback.ClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<IServer>() is TestServer server
                ? server.CreateHandler()
                : new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }));
        if (!RunsBackgroundServices)
        {
            builder.ConfigureServices(services =>
            {
                // The site's hosted services: its own types, or its singletons registered through a factory.
                foreach (var background in services.Where(d => d.ServiceType == typeof(IHostedService)
                    && (d.ImplementationFactory is not null || d.ImplementationType?.Namespace?.StartsWith("PiriSite", StringComparison.Ordinal) == true)).ToList())
                {
                    services.Remove(background);
                }
            });
        }
    }

    /// <summary>
    /// A connection of its own (not the site's pool) to the site's database, for reading and writing rows as they
    /// are stored. SQL in tests quotes identifiers ("Table"."Column") and names parameters @name, as both engines accept.
    /// </summary>
    public async Task<DbConnection> OpenDatabaseAsync()
    {
        DbConnection connection = TestDatabase.IsPostgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString)
            : new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A DbContext on the app's own database, for arranging and checking data.</summary>
    public AsyncServiceScopeContext CreateDbScope()
    {
        var scope = Services.CreateAsyncScope();
        return new AsyncServiceScopeContext(scope, scope.ServiceProvider.GetRequiredService<SiteDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            if (TestDatabase.IsPostgres && _databaseOwner is null)
            {
                TestDatabase.DropPostgresDatabase(ConnectionString);
            }

            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finalising connection: the OS temp folder cleans it up.
            }
        }
    }
}

public sealed class AsyncServiceScopeContext(AsyncServiceScope scope, SiteDbContext db) : IAsyncDisposable
{
    public SiteDbContext Db { get; } = db;

    public IServiceProvider Services => scope.ServiceProvider;

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
