using System.Globalization;
using PiriSite.Domain.Advertising;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Models;

/// <summary>
/// The archive's filters, from the query string so that a view can be bookmarked: a page's key, a language, a filing
/// state (needs-filing, filed…), firm days, and the page number (p). None of them is anyone's personal data.
/// </summary>
public sealed class AdvertisingFilter
{
    public string? Page { get; set; }

    public string? Language { get; set; }

    public string? State { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public int P { get; set; } = 1;

    /// <summary>The states as the query string names them.</summary>
    public static IReadOnlyList<(string Value, AdvertisingFilingState State)> States { get; } =
    [
        ("needs-filing", AdvertisingFilingState.NeedsFiling),
        ("filed", AdvertisingFilingState.Filed),
        ("exempt", AdvertisingFilingState.Exempt),
        ("unchanged", AdvertisingFilingState.Unchanged),
        ("pending", AdvertisingFilingState.Pending),
    ];

    public bool IsActive => Page is not null || Language is not null || State is not null || From is not null || To is not null;

    /// <summary>Drops what no snapshot can match and puts dates the wrong way round in order.</summary>
    public ArchiveQuery ToQuery()
    {
        Page = Page is { Length: > 0 and <= 200 } ? Page : null;
        Language = SiteCulture.IsSupported(Language) ? Language : null;
        State = States.Any(s => s.Value == State) ? State : null;
        if (From is { } from && To is { } to && to < from)
        {
            (From, To) = (to, from);
        }

        P = Math.Clamp(P, 1, 10_000);
        return new(Page, Language, States.FirstOrDefault(s => s.Value == State) is { Value: not null } chosen ? chosen.State : null, From, To, P);
    }

    /// <summary>The query string for these filters on another page ("" when there is nothing to say).</summary>
    public string QueryString(int page)
    {
        var parts = new (string Name, string? Value)[]
        {
            ("page", Page), ("language", Language), ("state", State),
            ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("p", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null),
        }.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

/// <summary>The archive screen: what to file first, then one page of snapshots grouped by page and language.</summary>
public sealed record AdvertisingIndexViewModel(AdvertisingFilter Filter, ArchivePage Archive)
{
    /// <summary>The "one filing for the ticked changes" form: empty, or as it was posted when refused.</summary>
    public BulkFilingForm Bulk { get; init; } = new();

    public IReadOnlyList<FieldError> BulkErrors { get; init; } = [];

    public string? BulkError(string field) => BulkErrors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>The page's snapshots in runs of one page in one language, in the order the archive gave them.</summary>
    public IEnumerable<IGrouping<(string PageKey, string Culture), SnapshotSummary>> Groups =>
        Archive.Rows.GroupBy(r => (r.PageKey, r.Culture));
}

/// <summary>One State Bar filing for the changes ticked in the archive's "To file" list.</summary>
public sealed class BulkFilingForm
{
    public List<long> Ids { get; set; } = [];

    /// <summary>yyyy-MM-dd, as the date input sends it; empty means today on a fresh form.</summary>
    public string? FiledOn { get; set; }

    public string? Reference { get; set; }

    public DateOnly? FiledOnDay =>
        DateOnly.TryParseExact(FiledOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

/// <summary>How the staff screens write a snapshot's dates, times and filing state.</summary>
public static class SnapshotText
{
    private static readonly CultureInfo s_english = CultureInfo.InvariantCulture;

    /// <summary>"Dec 1, 2026 3:05 PM", the firm's time, like every other staff screen.</summary>
    public static string At(DateTime utc) => FirmTimeZone.ToFirmTime(utc).ToString("MMM d, yyyy h:mm tt", s_english);

    public static string Day(DateOnly day) => day.ToString("MMM d, yyyy", s_english);

    public static string UtcIso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", s_english);

    /// <summary>The page's captured title, else what the archive calls it.</summary>
    public static string Title(SnapshotSummary snapshot) =>
        snapshot?.Title ?? AdvertisingLabels.Page(snapshot!.PageKind, snapshot.TranslationKey);

    /// <summary>
    /// The filing state in words: "Needs filing (due Dec 12, 3 days left)", "Filed on Dec 3, 2026 (ref ABC-123)",
    /// "Exempt: …", "No change since the previous snapshot", "Waiting to be captured".
    /// </summary>
    public static string Filing(SnapshotSummary snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.FilingState switch
        {
            AdvertisingFilingState.NeedsFiling => $"Needs filing (due {snapshot.DueOn.ToString("MMM d", s_english)}, {AdvertisingLabels.DaysLeft(snapshot.DaysLeft ?? 0)})",
            AdvertisingFilingState.Filed => $"Filed on {(snapshot.FiledOn is { } on ? Day(on) : "")} (ref {snapshot.FilingReference})",
            AdvertisingFilingState.Exempt => $"Exempt: {snapshot.ExemptReason}",
            AdvertisingFilingState.Unchanged => "No change since the previous snapshot",
            _ => "Waiting to be captured",
        };
    }

    /// <summary>The state's style: urgent when late or two days or fewer are left.</summary>
    public static string FilingClass(SnapshotSummary snapshot) => snapshot?.FilingState switch
    {
        AdvertisingFilingState.NeedsFiling when AdvertisingLabels.IsUrgent(snapshot.DaysLeft ?? 0) => "filing-state filing-urgent",
        AdvertisingFilingState.NeedsFiling => "filing-state filing-needed",
        AdvertisingFilingState.Filed or AdvertisingFilingState.Exempt => "filing-state filing-done",
        _ => "filing-state",
    };
}

/// <summary>
/// The filing form as typed: the choice (needs-filing, filed, exempt), the date and reference, or the reason, and the
/// record it was opened on. Strings, so that whatever was typed comes back as typed when it is refused.
/// </summary>
public sealed class FilingForm
{
    public string? Choice { get; set; }

    public string? FiledOn { get; set; }

    public string? FilingReference { get; set; }

    public string? ExemptReason { get; set; }

    public string? Shown { get; set; }

    public static string ValueOf(FilingChoice choice) => choice switch
    {
        FilingChoice.Filed => "filed",
        FilingChoice.Exempt => "exempt",
        _ => "needs-filing",
    };

    public FilingSubmission ToSubmission() => new(
        Enum.GetValues<FilingChoice>().Where(c => ValueOf(c) == Choice).Select(c => (FilingChoice?)c).FirstOrDefault(),
        DateOnly.TryParseExact(FiledOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
        FilingReference, ExemptReason, Shown);

    /// <summary>The form as it opens on a snapshot: its current record, or (for a new filing) today's date.</summary>
    public static FilingForm For(AdvertisingSnapshot snapshot, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new()
        {
            Choice = snapshot.FilingState switch
            {
                AdvertisingFilingState.Filed => "filed",
                AdvertisingFilingState.Exempt => "exempt",
                AdvertisingFilingState.NeedsFiling => "needs-filing",
                _ => null,
            },
            FiledOn = (snapshot.FiledOn ?? today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            FilingReference = snapshot.FilingReference,
            ExemptReason = snapshot.ExemptReason,
            Shown = AdvertisingArchiveService.Stamp(snapshot.FilingState, snapshot.FilingRecordedAt),
        };
    }
}

/// <summary>One snapshot's page: its record, the filing form (with the errors of a refused post), and what to compare it with.</summary>
public sealed record AdvertisingSnapshotScreen(SnapshotDetail Detail, FilingForm Form, IReadOnlyList<FieldError> Errors)
{
    public string? Error(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}

/// <summary>Two snapshots of one page compared, and the other snapshots of that page to choose from.</summary>
public sealed record AdvertisingCompareScreen(SnapshotComparison Comparison, IReadOnlyList<SnapshotChoice> Choices);
