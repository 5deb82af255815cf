using PiriSite.Domain.Advertising;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// One snapshot as the archive's lists show it, read without its page bytes or text. <see cref="DaysLeft"/> is the
/// ten-day window's count in firm days (0 on the last day, negative once late), for snapshots that need filing only.
/// </summary>
public sealed record SnapshotSummary(
    long Id,
    AdvertisedPageKind PageKind,
    string? TranslationKey,
    string PageKey,
    string Culture,
    DateTime PublishedAt,
    string PublishedByName,
    string Reason,
    DateTime? CapturedAt,
    string? Title,
    AdvertisingFilingState FilingState,
    DateOnly? FiledOn,
    string? FilingReference,
    string? ExemptReason)
{
    public DateOnly DueOn => AdvertisingSnapshot.FilingDueFor(PublishedAt, FirmTimeZone.Value);

    public int? DaysLeft { get; init; }
}

/// <summary>What the archive's filters ask for; null means any.</summary>
public sealed record ArchiveQuery(string? PageKey, string? Culture, AdvertisingFilingState? State, DateOnly? From, DateOnly? To, int Page)
{
    public bool IsFiltered => PageKey is not null || Culture is not null || State is not null || From is not null || To is not null;
}

/// <summary>A page the archive holds, for the page filter: its key and what to call it.</summary>
public sealed record ArchivedPage(string PageKey, string Name);

/// <summary>One page of the archive, the snapshots still to file (oldest deadline first) and the pages to filter by.</summary>
public sealed record ArchivePage(
    IReadOnlyList<SnapshotSummary> Rows, bool HasNextPage, IReadOnlyList<SnapshotSummary> ToFile, IReadOnlyList<ArchivedPage> Pages);

/// <summary>The snapshots still to file, the first few of them, for the dashboard.</summary>
public sealed record AdvertisingToFile(IReadOnlyList<SnapshotSummary> First, int Count);

/// <summary>Another captured snapshot of the same page in the same language, to compare with.</summary>
public sealed record SnapshotChoice(long Id, DateTime PublishedAt);

/// <summary>One snapshot's page: the snapshot itself, the one before it, and the others of its page.</summary>
public sealed record SnapshotDetail(AdvertisingSnapshot Snapshot, SnapshotSummary Summary, long? PreviousId, IReadOnlyList<SnapshotChoice> Others);

/// <summary>The page's bytes as the public saw them, decompressed, with what names its file.</summary>
public sealed record ArchivedHtml(byte[] Html, string FileName);

/// <summary>Two snapshots of one page and the changed paragraphs of their text.</summary>
public sealed record SnapshotComparison(SnapshotSummary From, SnapshotSummary To, IReadOnlyList<DiffParagraph> Text)
{
    public int Changes => Text.Count(p => p.IsChange);
}

/// <summary>What the Attorney records on a snapshot: it needs filing again, it was filed, or it is exempt.</summary>
public enum FilingChoice
{
    NeedsFiling,
    Filed,
    Exempt,
}

/// <summary>
/// The filing form's content. <see cref="Shown"/> is the filing record the form was opened on
/// (<see cref="AdvertisingArchiveService.Stamp"/>): a record made by someone else since is never overwritten.
/// </summary>
public sealed record FilingSubmission(FilingChoice? Choice, DateOnly? FiledOn, string? Reference, string? ExemptReason, string? Shown);

public enum FilingStatus
{
    Saved,
    Unchanged,
    Invalid,
    Conflict,
    NotFound,
}

public sealed record FilingOutcome(FilingStatus Status, IReadOnlyList<FieldError> Errors);
