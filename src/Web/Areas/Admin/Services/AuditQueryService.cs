using PiriSite.Domain.Audit;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>One page of the audit log, newest first, and whether an older page follows.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Page, bool HasNextPage);

/// <summary>Reads the audit log a page at a time for the Attorney (<see cref="PiriSite.Web.Services.AuditLog"/> writes it).</summary>
public sealed class AuditQueryService(SiteDbContext db)
{
    public const int PageSize = 50;

    /// <summary>The last page number asked for is this at most, so Skip's offset cannot overflow.</summary>
    public const int MaxPage = 100_000;

    /// <summary>Page <paramref name="page"/> (1 is the newest; out-of-range numbers are brought within 1 to <see cref="MaxPage"/>).</summary>
    public async Task<AuditPage> PageAsync(int page, CancellationToken cancellationToken = default)
    {
        page = Math.Clamp(page, 1, MaxPage);
        // One more than a page: its presence says an older page exists, without counting the whole log.
        var entries = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        return new AuditPage(entries.Take(PageSize).ToList(), page, entries.Count > PageSize);
    }
}
