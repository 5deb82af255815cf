using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PiriSite.Web.Extensions;

public static class RateLimitPolicies
{
    public const string Consultation = "consultation";
    public const string SignIn = "sign-in";

    public static IServiceCollection AddSiteRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            // An empty 429 is turned into the friendly page (with the phone number) by the status-code pages.
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };

            // Per client address: one family's retries are never slowed by another visitor's.
            limiter.AddPolicy(Consultation, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptionsMonitor<ConsultationOptions>>().CurrentValue.RateLimit;
                return PerClientFixedWindow(context, settings.PermitLimit, settings.WindowSeconds);
            });

            // Sign-in attempts per client address, in addition to the per-account lockout.
            limiter.AddPolicy(SignIn, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptionsMonitor<SecurityOptions>>().CurrentValue.SignInRateLimit;
                return PerClientFixedWindow(context, settings.PermitLimit, settings.WindowSeconds);
            });
        });
        return services;
    }

    /// <summary>
    /// The client a limit counts against. An IPv6 client usually holds a whole /64 (one home or phone gets one),
    /// so counting single addresses would give one person 2^64 fresh allowances: the /64 is the client. An
    /// IPv4 address written as IPv6 (::ffff:a.b.c.d, on a dual-stack socket) is the IPv4 address it stands for.
    /// </summary>
    internal static string ClientPartition(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    private static RateLimitPartition<string> PerClientFixedWindow(HttpContext context, int permitLimit, int windowSeconds) =>
        RateLimitPartition.GetFixedWindowLimiter(
            ClientPartition(context.Connection.RemoteIpAddress),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitLimit,
                Window = TimeSpan.FromSeconds(windowSeconds),
                QueueLimit = 0,
            });
}
