using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Services.Mail;

namespace PiriSite.Web.Areas.Admin.Models;

public sealed record ChartBar(string Label, int Value);

/// <summary>The dashboard: the requests' figures (with the open ones retention will soon delete) and their charts.</summary>
public sealed record DashboardViewModel(
    LeadStatistics Leads,
    int NeedsResponseHours,
    IReadOnlyList<ChartBar> ByPracticeArea,
    IReadOnlyList<ChartBar> ByStatus)
{
    /// <summary>Intake notices that failed or have waited too long to leave; null when mail is flowing.</summary>
    public IntakeMailAlert? MailAlert { get; init; }
}
