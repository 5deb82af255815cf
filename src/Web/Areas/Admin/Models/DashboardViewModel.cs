using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Services.Mail;

namespace PiriSite.Web.Areas.Admin.Models;

public sealed record ChartBar(string Label, int Value);

public sealed record DashboardViewModel(
    int NewRequests,
    int UrgentNewRequests,
    int NeedsResponse,
    int NeedsResponseHours,
    int RequestsThisWeek,
    int SuspectedSpam,
    int PublishedArticles,
    int PracticeAreas,
    IReadOnlyList<ChartBar> ByPracticeArea,
    IReadOnlyList<ChartBar> ByStatus,
    double? RetainedShare30,
    double? RetainedShare90)
{
    /// <summary>Intake notices that failed or have waited too long to leave; null when mail is flowing.</summary>
    public IntakeMailAlert? MailAlert { get; init; }

    /// <summary>Open requests that retention will delete for inactivity soon (see LeadsOptions.InactivityWarningDays).</summary>
    public IReadOnlyList<ExpiringLead> ExpiringForInactivity { get; init; } = [];
}
