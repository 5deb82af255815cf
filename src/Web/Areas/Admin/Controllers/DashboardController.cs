using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PiriSite.Data;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Content;
using PiriSite.Web.Areas.Admin.Models;

namespace PiriSite.Web.Areas.Admin.Controllers;

[Route("admin")]
public sealed class DashboardController(SiteDbContext db, TimeProvider clock) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var weekAgo = clock.GetUtcNow().UtcDateTime.AddDays(-7);
        var model = new DashboardViewModel(
            NewRequests: await db.ConsultationRequests.CountAsync(r => r.Status == LeadStatus.New, cancellationToken),
            UrgentNewRequests: await db.ConsultationRequests.CountAsync(r => r.Status == LeadStatus.New && r.Urgency != Urgency.None, cancellationToken),
            RequestsThisWeek: await db.ConsultationRequests.CountAsync(r => r.CreatedAt >= weekAgo && r.Status != LeadStatus.Spam, cancellationToken),
            SuspectedSpam: await db.ConsultationRequests.CountAsync(r => r.Status == LeadStatus.Spam, cancellationToken),
            PublishedArticles: await db.Articles.CountAsync(a => a.Status == ContentStatus.Published, cancellationToken),
            PracticeAreas: await db.PracticeAreas.CountAsync(cancellationToken));
        return View(model);
    }
}
