using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Models;

/// <summary>One request's page: the request and what the person looking at it may do.</summary>
public sealed record LeadDetailScreen(LeadDetail Detail, bool CanDelete);
