using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PiriSite.Web.Options;

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

    private static RateLimitPartition<string> PerClientFixedWindow(HttpContext context, int permitLimit, int windowSeconds) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitLimit,
                Window = TimeSpan.FromSeconds(windowSeconds),
                QueueLimit = 0,
            });
}
