using System.Linq.Expressions;

namespace PiriSite.Domain.Messaging;

/// <summary>
/// When the outbox needs a person: an intake notice that failed, or that has waited unsent for longer than
/// <see cref="IntakeNoticeWaitLimit"/>, means a new request may be going unnoticed. The dashboard warns and
/// <c>/healthz</c> reports degraded on the same rule.
/// </summary>
public static class OutboxAlert
{
    public static readonly TimeSpan IntakeNoticeWaitLimit = TimeSpan.FromMinutes(15);

    public static Expression<Func<OutboxMessage, bool>> IntakeNoticeStuck(DateTime now)
    {
        var queuedBefore = now - IntakeNoticeWaitLimit;
        return m => m.Kind == OutboxKind.IntakeNotice
            && (m.Status == OutboxStatus.Failed || (m.Status == OutboxStatus.Pending && m.CreatedAt <= queuedBefore));
    }
}
