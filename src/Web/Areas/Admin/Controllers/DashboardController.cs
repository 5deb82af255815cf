using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Options;
using PiriSite.Web.Services.Mail;

namespace PiriSite.Web.Areas.Admin.Controllers;

[Route("admin")]
public sealed class DashboardController(LeadStatisticsService statistics, IOptions<LeadsOptions> options, OutboxService outbox) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var leads = await statistics.DashboardAsync(cancellationToken);
        var model = new DashboardViewModel(
            NewRequests: leads.NewRequests,
            UrgentNewRequests: leads.UrgentNewRequests,
            NeedsResponse: leads.NeedsResponse,
            NeedsResponseHours: options.Value.NeedsResponseHours,
            RequestsThisWeek: leads.RequestsThisWeek,
            SuspectedSpam: leads.SuspectedSpam,
            PublishedArticles: leads.PublishedArticles,
            PracticeAreas: leads.PracticeAreas,
            ByPracticeArea: leads.ByPracticeArea.Select(c => new ChartBar(c.Label, c.Count)).ToList(),
            ByStatus: leads.ByStatus.Select(c => new ChartBar(c.Label, c.Count)).ToList(),
            RetainedShare30: leads.RetainedShare30,
            RetainedShare90: leads.RetainedShare90)
        {
            MailAlert = await outbox.IntakeAlertAsync(cancellationToken),
            // Retention's warning: open requests about to be deleted for inactivity.
            ExpiringForInactivity = leads.ExpiringForInactivity,
        };
        return View(model);
    }
}
