using System.Security.Claims;
using PiriSite.Domain.Audit;

namespace PiriSite.Web.Services;

/// <summary>Writes the audit log: who did what, when, from where. Callers pass no secrets and no lead details.</summary>
public sealed class AuditLog(SiteDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task RecordAsync(string action, string? actorId, string actorName, string? target = null, string? details = null)
    {
        Add(action, actorId, actorName, target, details);
        await db.SaveChangesAsync();
    }

    /// <summary>Records an action by the signed-in user.</summary>
    public Task RecordAsync(ClaimsPrincipal actor, string action, string? target = null, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return RecordAsync(action, actor.FindFirstValue(ClaimTypes.NameIdentifier), actor.Identity?.Name ?? "", target, details);
    }

    /// <summary>
    /// Adds the entry to the unit of work without saving it: the caller's next SaveChanges writes the change
    /// and its audit entry in one transaction, so neither can exist without the other.
    /// </summary>
    public void Add(ClaimsPrincipal actor, string action, string? target = null, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Add(action, actor.FindFirstValue(ClaimTypes.NameIdentifier), actor.Identity?.Name ?? "", target, details);
    }

    private void Add(string action, string? actorId, string actorName, string? target, string? details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Action = action,
            ActorId = actorId,
            ActorName = Truncate(actorName, AuditEntry.ActorMaxLength) ?? "",
            Target = Truncate(target, AuditEntry.TargetMaxLength),
            Details = Truncate(details, AuditEntry.DetailsMaxLength),
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}
