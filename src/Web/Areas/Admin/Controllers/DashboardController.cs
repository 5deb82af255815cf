using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PiriSite.Data;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Content;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Options;
using PiriSite.Web.Services.Mail;

namespace PiriSite.Web.Areas.Admin.Controllers;

[Route("admin")]
public sealed class DashboardController(
    SiteDbContext db, LeadsService leads, TimeProvider clock, IOptions<LeadsOptions> options, OutboxService outbox) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var weekAgo = now.AddDays(-7);
        var today = DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(now));
        var urgentLimit = today.AddDays(14);
        var genuine = db.ConsultationRequests.Where(r => r.Status != LeadStatus.Spam);

        var areaNames = (await leads.PracticeAreasAsync(cancellationToken)).ToDictionary(a => a.Key, a => a.Name);
        var byArea = await genuine.GroupBy(r => r.PracticeAreaKey).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byStatus = await db.ConsultationRequests.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var model = new DashboardViewModel(
            NewRequests: await db.ConsultationRequests.CountAsync(r => r.Status == LeadStatus.New, cancellationToken),
            UrgentNewRequests: await db.ConsultationRequests.CountAsync(r => r.Status == LeadStatus.New
                && (r.Urgency == Urgency.Detained || (r.Urgency == Urgency.CourtDate && r.CourtDate <= urgentLimit)), cancellationToken),
            NeedsResponse: await leads.NeedsResponseCountAsync(cancellationToken),
            NeedsResponseHours: options.Value.NeedsResponseHours,
            RequestsThisWeek: await genuine.CountAsync(r => r.CreatedAt >= weekAgo, cancellationToken),
            SuspectedSpam: await db.ConsultationRequests.CountAsync(r => r.Status == LeadStatus.Spam, cancellationToken),
            PublishedArticles: await db.Articles.CountAsync(a => a.Status == ContentStatus.Published && a.DeletedAt == null, cancellationToken),
            PracticeAreas: await db.PracticeAreas.CountAsync(p => p.DeletedAt == null, cancellationToken),
            ByPracticeArea: byArea.Select(a => new ChartBar(a.Key is null ? "Not sure" : areaNames.GetValueOrDefault(a.Key, a.Key), a.Count))
                .OrderByDescending(b => b.Value).ThenBy(b => b.Label, StringComparer.Ordinal).ToList(),
            ByStatus: Enum.GetValues<LeadStatus>().Select(s => new ChartBar(LeadWorkflow.Label(s), byStatus.FirstOrDefault(b => b.Key == s)?.Count ?? 0)).ToList(),
            RetainedShare30: await RetainedShareAsync(now.AddDays(-30), cancellationToken),
            RetainedShare90: await RetainedShareAsync(now.AddDays(-90), cancellationToken))
        {
            MailAlert = await outbox.IntakeAlertAsync(cancellationToken),
            // Retention's warning: open requests about to be deleted for inactivity.
            ExpiringForInactivity = await leads.ExpiringForInactivityAsync(cancellationToken),
        };
        return View(model);
    }

    // Of the requests received since then that have reached a decision, the share the firm retained.
    private async Task<double?> RetainedShareAsync(DateTime since, CancellationToken cancellationToken)
    {
        var decided = await db.ConsultationRequests
            .Where(r => r.CreatedAt >= since && (r.Status == LeadStatus.Retained || r.Status == LeadStatus.NotRetained))
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var total = decided.Sum(d => d.Count);
        return total == 0 ? null : (double)(decided.FirstOrDefault(d => d.Key == LeadStatus.Retained)?.Count ?? 0) / total;
    }
}
