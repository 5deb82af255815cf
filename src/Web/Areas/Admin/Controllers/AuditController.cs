using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PiriSite.Data;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

[Route("admin/audit")]
[Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
public sealed class AuditController(SiteDbContext db) : AdminController
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        page = Math.Clamp(page, 1, 100_000);
        var entries = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        return View(new AuditIndexViewModel(entries.Take(PageSize).ToList(), page, entries.Count > PageSize));
    }
}
