using System.Diagnostics;
using System.Globalization;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>
/// The Redis server the several-instances tests share: PIRISITE_TEST_REDIS holds its configuration string
/// (host:port). test.sh starts a throwaway one beside the throwaway PostgreSQL, for the PostgreSQL runs.
/// Each test keeps to its own keys with its own <c>Redis:InstanceName</c> prefix.
/// </summary>
public static class TestRedis
{
    public const string Variable = "PIRISITE_TEST_REDIS";

    public static string? Configuration { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>A key prefix of its own for one test's sites, so tests sharing the server never see each other's pages.</summary>
    public static string NewInstanceName() => $"pirisite-test-{Guid.NewGuid():N}:";

    /// <summary>
    /// Starts a Redis server of one test's own on <paramref name="port"/> (loopback, nothing saved), for a test that stops
    /// it or starts it late; the test kills it when done. Debian's redis-server, which test.sh installs.
    /// </summary>
    public static Process StartServer(int port)
    {
        var redis = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
        })!;
        redis.OutputDataReceived += (_, _) => { };
        redis.BeginOutputReadLine();
        return redis;
    }
}

/// <summary>
/// A test of several site instances: PostgreSQL and Redis shared by them, as in production. Runs in the
/// PostgreSQL run of this project (test.sh starts both servers); skipped on SQLite, which is one instance by design.
/// </summary>
public sealed class MultiInstanceFactAttribute : FactAttribute
{
    public MultiInstanceFactAttribute()
    {
        if (!TestDatabase.IsPostgres || TestRedis.Configuration is null)
        {
            Skip = $"Several instances need PostgreSQL and Redis (set {TestDatabase.PostgresVariable} and {TestRedis.Variable}; test.sh does)";
        }
    }
}
