using Microsoft.AspNetCore.Authorization;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>The audit log, for the Attorney: filtered by person, action and firm days, "viewed" lines hidden unless asked.</summary>
[Route("admin/audit")]
[Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
public sealed class AuditController(AuditQueryService auditLog) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken cancellationToken = default)
    {
        filter.Normalize();
        var found = await auditLog.PageAsync(filter.ToQuery(), cancellationToken);
        var choices = await auditLog.ChoicesAsync(cancellationToken);
        return View(new AuditIndexViewModel(filter, choices, found.Entries.Select(AuditRowViewModel.From).ToList(), found.Page, found.HasNextPage));
    }
}
