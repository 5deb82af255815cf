using StackExchange.Redis;

namespace PiriSite.Web.Services.Caching;

/// <summary>
/// The one connection to Redis every shared piece uses (the page cache, the content-change channel, /healthz), when
/// <see cref="RedisOptions.Configuration"/> is set. It never fails the site's start or a request: with Redis away,
/// StackExchange.Redis keeps reconnecting in the background and callers see <see cref="IsConnected"/> false.
/// </summary>
public sealed partial class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        Prefix = settings.InstanceName;
        _multiplexer = new Lazy<ConnectionMultiplexer>(() =>
        {
            var configuration = ConfigurationOptions.Parse(settings.Configuration!);
            // Start (and go on) without Redis rather than fail: pages are then served uncached.
            configuration.AbortOnConnectFail = false;
            // A page must not wait long on a cache that is not answering; a render costs milliseconds.
            configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 2000);
            configuration.AsyncTimeout = Math.Min(configuration.AsyncTimeout, 1000);
            configuration.SyncTimeout = Math.Min(configuration.SyncTimeout, 1000);
            configuration.ClientName ??= "pirisite";
            var multiplexer = ConnectionMultiplexer.Connect(configuration);
            multiplexer.ConnectionFailed += (_, args) =>
            {
                if (args.ConnectionType == ConnectionType.Interactive)
                {
                    LogLost(logger, args.FailureType.ToString());
                }
            };
            multiplexer.ConnectionRestored += (_, args) =>
            {
                if (args.ConnectionType == ConnectionType.Interactive)
                {
                    LogRestored(logger);
                    Restored?.Invoke();
                }
            };
            return multiplexer;
        });
    }

    /// <summary>Prefix of every key and channel (<see cref="RedisOptions.InstanceName"/>).</summary>
    public string Prefix { get; }

    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public bool IsConnected => Multiplexer.IsConnected;

    /// <summary>Raised when the connection comes back after a loss (not at the first connection).</summary>
    public event Action? Restored;

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection to Redis ({Failure}): pages are served uncached until it is back")]
    private static partial void LogLost(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "The connection to Redis is back")]
    private static partial void LogRestored(ILogger logger);
}
