using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PiriSite.Web.Services.Caching;

/// <summary>
/// Degraded (still 200, so the proxy keeps the instance in service) while Redis does not answer: the instance serves
/// every page uncached and reloads its content every second, slower but correct.
/// </summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return HealthCheckResult.Degraded("not connected: pages are served uncached");
        }

        try
        {
            var roundTrip = await redis.Multiplexer.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"answered in {roundTrip.TotalMilliseconds:0.0} ms");
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("not answering: pages are served uncached");
        }
    }
}
