using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PiriSite.Domain.Messaging;

namespace PiriSite.Web.Services.Mail;

/// <summary>
/// Degraded while an intake notice has failed or has waited unsent too long: the site still serves pages and
/// takes requests, but the firm may not hear of them. A load balancer keeps sending traffic (Degraded answers
/// 200), and a monitor that reads the body sees the word.
/// </summary>
public sealed class OutboxHealthCheck(OutboxService outbox) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var alert = await outbox.IntakeAlertAsync(cancellationToken);
        return alert is null
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture,
                $"{alert.Failed} intake notice(s) failed, {alert.Waiting} waiting more than {OutboxAlert.IntakeNoticeWaitLimit.TotalMinutes} minutes"));
    }
}
