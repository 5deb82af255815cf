using PiriSite.Domain.Accounts;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Services.Mail;

namespace PiriSite.Web.Areas.Admin.Controllers;

[Route("admin")]
public sealed class DashboardController(
    LeadStatisticsService statistics, IOptions<LeadsOptions> options, OutboxService outbox, ContentQueryService content,
    AdvertisingArchiveService advertising) : AdminController
{
    private const int DashboardAdvertisingItems = 8;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var leads = await statistics.DashboardAsync(cancellationToken);
        var model = new DashboardViewModel(
            leads,
            options.Value.NeedsResponseHours,
            leads.ByPracticeArea.Select(c => new ChartBar(c.Label, c.Count)).ToList(),
            leads.ByStatus.Select(c => new ChartBar(c.Label, c.Count)).ToList())
        {
            MailAlert = await outbox.IntakeAlertAsync(cancellationToken),
            Translations = await content.TranslationWorkAsync(cancellationToken),
            Reviews = await content.ReviewWorkAsync(cancellationToken),
            AdvertisingToFile = User.IsInRole(StaffRoles.Attorney) ? await advertising.ToFileAsync(DashboardAdvertisingItems, cancellationToken) : null,
        };
        return View(model);
    }
}
