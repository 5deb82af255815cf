using System.Security.Claims;
using PiriSite.Domain.Advertising;

namespace PiriSite.Web.Services.Advertising;

/// <summary>
/// Queues publications for the advertising archive. Every path that makes text public (content saves, the firm
/// profile, the consultation notice) calls <see cref="Queue"/> before its SaveChanges, so the publication and its
/// archive entry are written in one transaction, then <see cref="CaptureSoon"/> after it.
/// </summary>
public sealed class AdvertisingArchive(SiteDbContext db, AdvertisingCaptureSignal signal, TimeProvider clock)
{
    /// <summary>
    /// Adds a page's publication to the caller's unit of work. <paramref name="publishedAt"/> is when it goes public
    /// (now when null; a scheduled page's time otherwise): it is captured then. <paramref name="publishedByName"/> is
    /// the name staff know the actor by (<c>StaffUser.ShownNameOf</c>), when the caller has it; else the sign-in name.
    /// </summary>
    public void Queue(AdvertisedPageKind kind, string? translationKey, string culture, ClaimsPrincipal actor, string reason,
        DateTime? publishedAt = null, string? publishedByName = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        var at = publishedAt is { } scheduled && scheduled > now ? scheduled : now;
        db.AdvertisingSnapshots.Add(AdvertisingSnapshot.Queue(kind, translationKey, culture, at,
            actor.FindFirstValue(ClaimTypes.NameIdentifier), publishedByName ?? actor.Identity?.Name ?? "", reason));
    }

    /// <summary>Queues every page whose text comes from the firm profile in <paramref name="culture"/>.</summary>
    public void QueueFirmPages(string culture, ClaimsPrincipal actor, string reason)
    {
        foreach (var kind in AdvertisedPages.FromFirmProfile)
        {
            Queue(kind, null, culture, actor, reason);
        }
    }

    /// <summary>Call after the SaveChanges that wrote the queued entries: the worker captures them now.</summary>
    public void CaptureSoon() => signal.Notify();
}
