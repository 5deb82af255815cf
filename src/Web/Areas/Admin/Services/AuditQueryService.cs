using System.Text.RegularExpressions;
using PiriSite.Domain.Audit;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// What the log is asked for: one person (a staff account's id, or <see cref="NoAccount"/>), one action, firm days
/// from and to (inclusive), and whether the "viewed" lines are included. No personal data: these travel in URLs.
/// </summary>
public sealed record AuditQuery(
    string? Person = null, string? Action = null, DateOnly? From = null, DateOnly? To = null, bool IncludeViewed = false, int Page = 1)
{
    /// <summary>The "person" of lines no account wrote: automatic jobs, and sign-ins with an unknown email.</summary>
    public const string NoAccount = "none";
}

/// <summary>One line of the log as the screen shows it: the entry, who did it as staff know them, and a link to its subject if it has a page.</summary>
public sealed record AuditLine(AuditEntry Entry, string Who, string? SubjectLink);

/// <summary>One page of the log, newest first, and whether an older page follows.</summary>
public sealed record AuditPage(IReadOnlyList<AuditLine> Entries, int Page, bool HasNextPage);

/// <summary>A person who appears in the log, for the filter: their account id and the name staff know them by.</summary>
public sealed record AuditPerson(string Id, string Name);

/// <summary>What the filters offer: the people and the actions that appear in the log.</summary>
public sealed record AuditChoices(IReadOnlyList<AuditPerson> People, IReadOnlyList<string> Actions);

/// <summary>Reads the audit log for the Attorney (<see cref="PiriSite.Web.Services.AuditLog"/> writes it): filtered, a page at a time.</summary>
public sealed partial class AuditQueryService(SiteDbContext db)
{
    public const int PageSize = 50;

    /// <summary>The last page number asked for is this at most, so Skip's offset cannot overflow.</summary>
    public const int MaxPage = 100_000;

    /// <summary>
    /// Page <see cref="AuditQuery.Page"/> (1 is the newest; out-of-range numbers are brought within 1 to <see cref="MaxPage"/>)
    /// of the lines the filters select. Newest first by time, then by id: the order the indexes on (At), (ActorId, At) and
    /// (Action, At) already hold (SQLite keeps the row id at the end of each), so no filter sorts the log.
    /// </summary>
    public async Task<AuditPage> PageAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = Math.Clamp(query.Page, 1, MaxPage);
        // One more than a page: its presence says an older page exists, without counting the whole log.
        var entries = await Newest(query)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        var shown = entries.Take(PageSize).ToList();
        var names = await NamesAsync(shown.Select(e => e.ActorId).OfType<string>(), cancellationToken);
        var editors = await ContentEditorsAsync(shown, cancellationToken);
        var lines = shown.Select(e => new AuditLine(e, e.ActorId is { } id && names.TryGetValue(id, out var name) ? name : Who(e), SubjectLink(e, editors)));
        return new AuditPage(lines.ToList(), page, entries.Count > PageSize);
    }

    /// <summary>The people and the actions that appear in the log, for the filters' lists.</summary>
    public async Task<AuditChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        // Staff accounts are few: one look-up each in the (ActorId, At) index, rather than a pass over the log.
        var accounts = await db.Users.AsNoTracking()
            .Where(u => db.AuditEntries.Any(a => a.ActorId == u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.UserName })
            .ToListAsync(cancellationToken);
        var people = accounts.Select(u => new AuditPerson(u.Id, Shown(u.DisplayName, u.Email, u.UserName, u.Id)))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (await db.AuditEntries.AnyAsync(a => a.ActorId == null, cancellationToken))
        {
            people.Add(new AuditPerson(AuditQuery.NoAccount, "No account (automatic jobs, unknown sign-ins)"));
        }

        // DISTINCT would read the whole (Action, At) index (0.1 s at a million lines); hopping from each name to the
        // next one in that index takes one look-up per name (1 ms), however long the log grows.
        var actions = await db.Database.SqlQueryRaw<string>(
            """
            WITH RECURSIVE names(name) AS (
                SELECT MIN("Action") FROM "AuditEntries"
                UNION ALL
                SELECT (SELECT MIN("Action") FROM "AuditEntries" WHERE "Action" > name) FROM names WHERE name IS NOT NULL)
            SELECT name AS "Value" FROM names WHERE name IS NOT NULL
            """).ToListAsync(cancellationToken);
        return new AuditChoices(people, actions.Order(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>The lines the filters select, newest first (internal: a test reads its query plan).</summary>
    internal IQueryable<AuditEntry> Newest(AuditQuery query) =>
        Filtered(query).OrderByDescending(a => a.At).ThenByDescending(a => a.Id);

    private IQueryable<AuditEntry> Filtered(AuditQuery query)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (query.Person == AuditQuery.NoAccount)
        {
            entries = entries.Where(a => a.ActorId == null);
        }
        else if (!string.IsNullOrEmpty(query.Person))
        {
            entries = entries.Where(a => a.ActorId == query.Person);
        }

        if (!string.IsNullOrEmpty(query.Action))
        {
            // Asking for one action shows it, "viewed" included.
            entries = entries.Where(a => a.Action == query.Action);
        }
        else if (!query.IncludeViewed)
        {
            entries = entries.Where(a => a.Action != AuditActions.ConsultationRequestViewed);
        }

        if (query.From is { } from)
        {
            var start = FirmDayStartUtc(from);
            entries = entries.Where(a => a.At >= start);
        }

        if (query.To is { } to)
        {
            var end = FirmDayStartUtc(to.AddDays(1));
            entries = entries.Where(a => a.At < end);
        }

        return entries;
    }

    /// <summary>When the firm's day begins, in UTC (the log stores UTC; the Attorney thinks in the firm's days).</summary>
    public static DateTime FirmDayStartUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), FirmTimeZone.Value);

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var accounts = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.UserName }).ToListAsync(cancellationToken);
        return accounts.ToDictionary(u => u.Id, u => Shown(u.DisplayName, u.Email, u.UserName, u.Id));
    }

    // StaffUser.ShownName, from the columns alone (the rest of the account is not the log's business).
    private static string Shown(string displayName, string? email, string? userName, string id) =>
        displayName.Length > 0 ? displayName : email ?? userName ?? id;

    /// <summary>Who, for a line whose account no longer exists or never did: the name it was written with.</summary>
    private static string Who(AuditEntry entry) => entry.ActorId is null && entry.ActorName.Length == 0 ? "Nobody signed in" : entry.ActorName;

    /// <summary>The editors of the articles and practice areas named on this page, by their address ("/es/asilo").</summary>
    private async Task<Dictionary<string, string>> ContentEditorsAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var named = entries.Select(ContentAddress).OfType<(bool IsArticle, SiteLanguage Language, string Slug)>().Distinct().ToList();
        var editors = new Dictionary<string, string>(StringComparer.Ordinal);
        var articleSlugs = named.Where(n => n.IsArticle).Select(n => n.Slug).Distinct().ToList();
        if (articleSlugs.Count > 0)
        {
            foreach (var a in await db.Articles.AsNoTracking().Where(a => articleSlugs.Contains(a.Slug))
                .Select(a => new { a.Id, a.Culture, a.Slug }).ToListAsync(cancellationToken))
            {
                editors[$"article:{SiteLanguage.Of(a.Culture).PathPrefix}/{a.Slug}"] = $"/admin/articles/{a.Id}/edit";
            }
        }

        var areaSlugs = named.Where(n => !n.IsArticle).Select(n => n.Slug).Distinct().ToList();
        if (areaSlugs.Count > 0)
        {
            foreach (var p in await db.PracticeAreas.AsNoTracking().Where(p => areaSlugs.Contains(p.Slug))
                .Select(p => new { p.Id, p.Culture, p.Slug }).ToListAsync(cancellationToken))
            {
                editors[$"practice-area:{SiteLanguage.Of(p.Culture).PathPrefix}/{p.Slug}"] = $"/admin/practice-areas/{p.Id}/edit";
            }
        }

        return editors;
    }

    /// <summary>The article or practice area a line names (<see cref="ContentLabels.Target"/> writes "Title (/es/slug)"), if it names one.</summary>
    private static (bool IsArticle, SiteLanguage Language, string Slug)? ContentAddress(AuditEntry entry)
    {
        var isArticle = entry.Action.StartsWith("Article", StringComparison.Ordinal);
        if ((!isArticle && !entry.Action.StartsWith("Practice area", StringComparison.Ordinal)) || entry.Target is null
            || ContentTarget().Match(entry.Target) is not { Success: true } match)
        {
            return null;
        }

        var path = match.Groups["path"].Value;
        return (isArticle, SiteLanguage.FromPath(path), match.Groups["slug"].Value);
    }

    private static string? SubjectLink(AuditEntry entry, Dictionary<string, string> editors)
    {
        if (ConsultationReference.IsValid(entry.Target))
        {
            return $"/admin/leads/{entry.Target}";
        }

        if (entry.Target is { } target && StoredImage().IsMatch(target))
        {
            return target;
        }

        return ContentAddress(entry) is { } content
            && editors.TryGetValue($"{(content.IsArticle ? "article" : "practice-area")}:{content.Language.PathPrefix}/{content.Slug}", out var editor)
            ? editor : null;
    }

    [GeneratedRegex(@"\((?<path>(?:/(?:es|fr))?/(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*))\)\z", RegexOptions.CultureInvariant)]
    private static partial Regex ContentTarget();

    [GeneratedRegex(@"\A/media/[0-9a-f]{32}\.(?:jpg|png|webp)\z", RegexOptions.CultureInvariant)]
    private static partial Regex StoredImage();
}
