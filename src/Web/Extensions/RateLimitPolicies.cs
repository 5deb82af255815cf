using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PiriSite.Web.Options;

namespace PiriSite.Web.Extensions;

public static class RateLimitPolicies
{
    public const string Consultation = "consultation";

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
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.PermitLimit,
                        Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                        QueueLimit = 0,
                    });
            });
        });
        return services;
    }
}
