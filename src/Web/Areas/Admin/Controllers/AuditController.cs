using Microsoft.AspNetCore.Authorization;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

[Route("admin/audit")]
[Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
public sealed class AuditController(AuditQueryService auditLog) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var found = await auditLog.PageAsync(page, cancellationToken);
        return View(new AuditIndexViewModel(found.Entries.Select(AuditRowViewModel.From).ToList(), found.Page, found.HasNextPage));
    }
}
