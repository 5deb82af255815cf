using System.Globalization;
using System.IO.Compression;
using System.Linq.Expressions;
using System.Security.Claims;
using PiriSite.Domain.Advertising;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// The Attorney's advertising archive: the snapshots by page and date, what is still to file, one snapshot's page as
/// the public saw it, two snapshots' text compared, and the filing record, the only thing about a snapshot that ever
/// changes. Lists never read the page bytes.
/// </summary>
public sealed class AdvertisingArchiveService(SiteDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int PageSize = 50;

    public const string FiledAction = "Advertising marked as filed";
    public const string ExemptAction = "Advertising marked as exempt";
    public const string NeedsFilingAction = "Advertising marked as needing filing";

    private static readonly Expression<Func<AdvertisingSnapshot, SnapshotSummary>> s_summary = s => new SnapshotSummary(
        s.Id, s.PageKind, s.TranslationKey, s.PageKey, s.Culture, s.PublishedAt, s.PublishedByName, s.Reason,
        s.CapturedAt, s.Title, s.FilingState, s.FiledOn, s.FilingReference, s.ExemptReason);

    private static readonly Func<AdvertisingSnapshot, SnapshotSummary> s_summaryOf = s_summary.Compile();

    /// <summary>The audit log's subject for a snapshot.</summary>
    public static string Target(long id) => $"Advertising snapshot #{id}";

    /// <summary>The filing record a form was opened on: its state and when it was last recorded.</summary>
    public static string Stamp(AdvertisingFilingState state, DateTime? recordedAt) =>
        $"{state}.{recordedAt?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "0"}";

    public DateOnly Today => DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// One page of the archive: pages with the latest publication first, each page's snapshots newest first; and the
    /// snapshots to file, oldest deadline first.
    /// </summary>
    public async Task<ArchivePage> ArchiveAsync(ArchiveQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var snapshots = db.AdvertisingSnapshots.AsNoTracking();
        var found = snapshots;
        if (query.PageKey is { } pageKey)
        {
            found = found.Where(s => s.PageKey == pageKey);
        }

        if (query.Culture is { } culture)
        {
            found = found.Where(s => s.Culture == culture);
        }

        if (query.State is { } state)
        {
            found = found.Where(s => s.FilingState == state);
        }

        if (query.From is { } from)
        {
            var start = FirmTimeZone.DayStartUtc(from);
            found = found.Where(s => s.PublishedAt >= start);
        }

        if (query.To is { } to)
        {
            var end = FirmTimeZone.DayStartUtc(to.AddDays(1));
            found = found.Where(s => s.PublishedAt < end);
        }

        var rows = await found
            .OrderByDescending(s => snapshots.Where(o => o.PageKey == s.PageKey && o.Culture == s.Culture).Max(o => o.PublishedAt))
            .ThenBy(s => s.PageKey).ThenBy(s => s.Culture)
            .ThenByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Skip((query.Page - 1) * PageSize).Take(PageSize + 1)
            .Select(s_summary).ToListAsync(cancellationToken);
        var toFile = query.IsFiltered || query.Page > 1 ? [] : (await ToFileAsync(int.MaxValue, cancellationToken)).First;
        return new ArchivePage(WithDaysLeft(rows.Take(PageSize)), rows.Count > PageSize, toFile, await PagesAsync(cancellationToken));
    }

    /// <summary>The snapshots that need filing, oldest deadline first (the first <paramref name="take"/>), and how many.</summary>
    public async Task<AdvertisingToFile> ToFileAsync(int take, CancellationToken cancellationToken = default)
    {
        var toFile = db.AdvertisingSnapshots.AsNoTracking().Where(s => s.FilingState == AdvertisingFilingState.NeedsFiling);
        var first = await toFile.OrderBy(s => s.PublishedAt).ThenBy(s => s.Id).Take(take).Select(s_summary).ToListAsync(cancellationToken);
        var count = first.Count < take ? first.Count : await toFile.CountAsync(cancellationToken);
        return new AdvertisingToFile(WithDaysLeft(first), count);
    }

    /// <summary>One snapshot, the captured one before it of the same page and language, and the others to compare with.</summary>
    public async Task<SnapshotDetail?> DetailAsync(long id, CancellationToken cancellationToken = default)
    {
        var snapshot = await db.AdvertisingSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        var others = await db.AdvertisingSnapshots.AsNoTracking()
            .Where(s => s.PageKey == snapshot.PageKey && s.Culture == snapshot.Culture && s.CapturedAt != null && s.Id != id)
            .OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Select(s => new SnapshotChoice(s.Id, s.PublishedAt)).ToListAsync(cancellationToken);
        var previous = others.FirstOrDefault(o => o.PublishedAt < snapshot.PublishedAt || (o.PublishedAt == snapshot.PublishedAt && o.Id < id));
        return new SnapshotDetail(snapshot, WithDaysLeft([s_summaryOf(snapshot)])[0], previous?.Id, others);
    }

    /// <summary>The captured page's HTML, decompressed, and its file name: advertising-2026-12-01-home-es-42.html.</summary>
    public async Task<ArchivedHtml?> HtmlAsync(long id, CancellationToken cancellationToken = default)
    {
        var snapshot = await db.AdvertisingSnapshots.AsNoTracking()
            .Where(s => s.Id == id && s.Html != null)
            .Select(s => new { s.Html, s.PublishedAt, s.PageKey, s.Culture })
            .SingleOrDefaultAsync(cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        using var compressed = new MemoryStream(snapshot.Html!);
        await using var brotli = new BrotliStream(compressed, CompressionMode.Decompress);
        using var html = new MemoryStream();
        await brotli.CopyToAsync(html, cancellationToken);
        var day = DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(snapshot.PublishedAt)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ArchivedHtml(html.ToArray(), $"advertising-{day}-{FileSlug(snapshot.PageKey)}-{snapshot.Culture}-{id}.html");
    }

    /// <summary>Two captured snapshots of the same page in the same language; null for anything else.</summary>
    public async Task<SnapshotComparison?> CompareAsync(long fromId, long toId, CancellationToken cancellationToken = default)
    {
        var pair = db.AdvertisingSnapshots.AsNoTracking().Where(s => (s.Id == fromId || s.Id == toId) && s.CapturedAt != null);
        var summaries = await pair.Select(s_summary).ToListAsync(cancellationToken);
        var from = summaries.FirstOrDefault(s => s.Id == fromId);
        var to = summaries.FirstOrDefault(s => s.Id == toId);
        if (from is null || to is null || fromId == toId || from.PageKey != to.PageKey || from.Culture != to.Culture)
        {
            return null;
        }

        var texts = await pair.Select(s => new { s.Id, s.Text }).ToDictionaryAsync(s => s.Id, s => s.Text, cancellationToken);
        return new SnapshotComparison(from, to, ContentDiff.CompareParagraphs(texts[fromId], texts[toId]));
    }

    /// <summary>
    /// Records the filing, exemption or its undoing, with its audit entry in the same transaction, unless the record
    /// changed since the form was opened (<see cref="FilingSubmission.Shown"/>): then nothing is written.
    /// </summary>
    public async Task<FilingOutcome> RecordFilingAsync(long id, FilingSubmission submission, ClaimsPrincipal actor)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(actor);
        // On SQLite the transaction takes the write lock at once, so no other record can land between the check and the
        // save; on PostgreSQL one can, and the filing record's concurrency token refuses the second save.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var snapshot = await db.AdvertisingSnapshots.SingleOrDefaultAsync(s => s.Id == id);
        if (snapshot is null)
        {
            return new(FilingStatus.NotFound, []);
        }

        if (submission.Shown != Stamp(snapshot.FilingState, snapshot.FilingRecordedAt))
        {
            var who = snapshot.FilingRecordedByName is { Length: > 0 } name ? $" by {name}" : "";
            return new(FilingStatus.Conflict, [new("", $"The filing record changed while you had this page open (it is now “{AdvertisingLabels.State(snapshot.FilingState)}”{who}), so yours was not saved. Check the record above, then choose again.")]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var by = actor.Identity?.Name ?? "";
        var errors = new List<FieldError>();
        string action;
        string? details = null;
        switch (submission.Choice)
        {
            case FilingChoice.Filed when submission.FiledOn is not { } filedOn:
                errors.Add(new("FiledOn", "Enter the date it was filed."));
                errors.AddRange(!string.IsNullOrWhiteSpace(submission.Reference) ? [] : [new FieldError("FilingReference", "Enter the filing reference the State Bar gave you.")]);
                action = FiledAction;
                break;
            case FilingChoice.Filed:
                errors.AddRange(snapshot.MarkFiled(submission.FiledOn!.Value, submission.Reference, Today, now, by));
                action = FiledAction;
                details = $"Filed on {snapshot.FiledOn?.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}, reference {snapshot.FilingReference}";
                break;
            case FilingChoice.Exempt:
                errors.AddRange(snapshot.MarkExempt(submission.ExemptReason, now, by));
                action = ExemptAction;
                details = snapshot.ExemptReason;
                break;
            case FilingChoice.NeedsFiling:
                if (!snapshot.MarkNeedsFiling(now, by))
                {
                    return new(FilingStatus.Unchanged, []);
                }

                action = NeedsFilingAction;
                break;
            default:
                return new(FilingStatus.Invalid, [new("Choice", "Choose what to record: needs filing, filed or exempt.")]);
        }

        if (errors.Count > 0)
        {
            return new(FilingStatus.Invalid, errors);
        }

        audit.Add(actor, action, Target(id), details);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(FilingStatus.Conflict, [new("", ChangedMeanwhile)]);
        }

        await transaction.CommitAsync();
        return new(FilingStatus.Saved, []);
    }

    /// <summary>Another filing record was saved between this one's check and its save.</summary>
    internal const string ChangedMeanwhile = "Someone recorded a filing for this page at the same moment, so yours was not saved. Check the record above, then choose again.";

    private async Task<IReadOnlyList<ArchivedPage>> PagesAsync(CancellationToken cancellationToken)
    {
        var keys = await db.AdvertisingSnapshots.Select(s => s.PageKey).Distinct().ToListAsync(cancellationToken);
        // Each page's latest captured title, by its latest captured snapshot (two plain queries rather than a grouped First).
        var latest = await db.AdvertisingSnapshots.Where(s => s.Title != null).GroupBy(s => s.PageKey).Select(g => g.Max(s => s.Id)).ToListAsync(cancellationToken);
        // Only the two columns: a snapshot holds the page as captured, and there is one per published page.
        var titles = await db.AdvertisingSnapshots.Where(s => latest.Contains(s.Id)).Select(s => new { s.PageKey, s.Title })
            .ToDictionaryAsync(s => s.PageKey, s => s.Title!, cancellationToken);
        return keys
            .Select(key => new ArchivedPage(key, titles.TryGetValue(key, out var title) ? $"{title} ({AdvertisingLabels.Page(key)})" : AdvertisingLabels.Page(key)))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    private List<SnapshotSummary> WithDaysLeft(IEnumerable<SnapshotSummary> rows)
    {
        var today = Today;
        return rows.Select(r => r.FilingState == AdvertisingFilingState.NeedsFiling ? r with { DaysLeft = r.DueOn.DayNumber - today.DayNumber } : r).ToList();
    }

    // "PracticeArea:asylum" → "practice-area-asylum": letters, digits and hyphens only.
    private static string FileSlug(string pageKey) =>
        string.Concat(pageKey.Select((c, i) => char.IsUpper(c) && i > 0 && pageKey[i - 1] != ':' ? $"-{char.ToLowerInvariant(c)}"
            : char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c).ToString() : "-"));
}
