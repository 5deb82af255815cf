using PiriSite.Domain.Audit;

namespace PiriSite.Web.Areas.Admin.Models;

public sealed record AuditIndexViewModel(IReadOnlyList<AuditEntry> Entries, int Page, bool HasNextPage);
