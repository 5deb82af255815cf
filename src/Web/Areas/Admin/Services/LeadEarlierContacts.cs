using PiriSite.Domain.Search;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// Other requests that may come from the same person (same email, same phone number, or a similar name), shown
/// beside a request so that staff check them before the conflict check.
/// </summary>
internal static class LeadEarlierContacts
{
    public static async Task<IReadOnlyList<LeadSummary>> FindAsync(SiteDbContext db, ConsultationRequest request)
    {
        var digits = Digits(request.Phone);
        var email = request.Email is null ? null : LikePattern.Literal(request.Email);
        var nameTokens = NameTokens(request.FullName);
        var last = nameTokens.LastOrDefault() ?? "";
        var candidates = await db.ConsultationRequests.AsNoTracking()
            .Where(r => r.Id != request.Id && (
                (email != null && r.Email != null && EF.Functions.Like(r.Email, email))
                || (request.Phone != null && r.Phone != null)
                || (last.Length > 1 && EF.Functions.Like(r.FullName, $"%{last}%"))))
            .OrderByDescending(r => r.CreatedAt)
            .Take(500)
            .ToListAsync();

        return candidates
            .Where(r => (email is not null && string.Equals(r.Email, request.Email, StringComparison.OrdinalIgnoreCase))
                || (digits.Length >= 7 && Digits(r.Phone) is { Length: >= 7 } other && (other.EndsWith(digits[^Math.Min(10, digits.Length)..], StringComparison.Ordinal) || digits.EndsWith(other[^Math.Min(10, other.Length)..], StringComparison.Ordinal)))
                || SimilarName(nameTokens, NameTokens(r.FullName)))
            .Take(10)
            .Select(r => new LeadSummary(r.Reference, r.FullName, r.Status, false, null, null, r.PreferredLanguage, r.CreatedAt, r.IsUnread, r.AssignedToName, r.SpamVerdict))
            .ToList();
    }

    // "María José Hernández" and "Maria Hernandez" share a first and a last name once accents are ignored.
    private static bool SimilarName(string[] a, string[] b) =>
        a.Length > 0 && b.Length > 0 && a[0] == b[0] && a[^1] == b[^1];

    private static string[] NameTokens(string name) =>
        Slug.FromTitle(name).Split('-', StringSplitOptions.RemoveEmptyEntries);

    private static string Digits(string? phone) => new((phone ?? "").Where(char.IsAsciiDigit).ToArray());
}
