using PiriSite.Domain.Audit;

namespace PiriSite.Web.Areas.Admin.Models;

public sealed record AuditIndexViewModel(IReadOnlyList<AuditRowViewModel> Entries, int Page, bool HasNextPage);

/// <summary>One line of the audit log as the table shows it.</summary>
public sealed record AuditRowViewModel(DateTime At, string ActorName, string Action, string? Target, string? Details, string? IpAddress)
{
    public static AuditRowViewModel From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.At, entry.ActorName, entry.Action, entry.Target, entry.Details, entry.IpAddress);
    }
}
