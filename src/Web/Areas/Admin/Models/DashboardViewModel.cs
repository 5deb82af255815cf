namespace PiriSite.Web.Areas.Admin.Models;

public sealed record DashboardViewModel(
    int NewRequests,
    int UrgentNewRequests,
    int RequestsThisWeek,
    int SuspectedSpam,
    int PublishedArticles,
    int PracticeAreas);
