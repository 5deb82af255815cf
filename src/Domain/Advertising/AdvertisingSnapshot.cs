using PiriSite.Domain.Content;

namespace PiriSite.Domain.Advertising;

/// <summary>The public pages the advertising archive keeps; an article or practice area is named by its translation key.</summary>
public enum AdvertisedPageKind
{
    Home,
    About,
    Privacy,
    Disclaimer,
    PracticeAreaIndex,
    PracticeArea,
    ArticleIndex,
    Article,
    Consultation,
}

/// <summary>Where a snapshot stands with the State Bar's Advertising Review Committee.</summary>
public enum AdvertisingFilingState
{
    /// <summary>Queued: the page is not captured yet (it is captured when it goes public).</summary>
    Pending,

    /// <summary>The page's text changed: it must be filed within ten days of going public, or marked exempt.</summary>
    NeedsFiling,

    Filed,

    Exempt,

    /// <summary>Published again with the same text as the snapshot before it: nothing new to file.</summary>
    Unchanged,
}

/// <summary>
/// One publication of one public page in one language, as the advertising rules (Part VII of the Texas Disciplinary
/// Rules) require the firm to prove later: when it went public, who published it, and the page exactly as the public
/// saw it (one self-contained HTML file, compressed). It is queued in the same transaction as the publication and
/// captured when the page is public. Once captured, the snapshot never changes and is never deleted (the database
/// refuses it); only its filing record moves.
/// </summary>
public class AdvertisingSnapshot
{
    public const int FilingReferenceMaxLength = 100;
    public const int ExemptReasonMaxLength = 500;
    public const int ReasonMaxLength = 200;
    public const int TitleMaxLength = 300;

    /// <summary>Texas Rule 7.07: filed no later than ten days after the advertisement is first disseminated.</summary>
    public const int FilingWindowDays = 10;

    public long Id { get; private set; }

    public AdvertisedPageKind PageKind { get; private set; }

    /// <summary>The article's or practice area's translation key; null for the firm's own pages.</summary>
    public string? TranslationKey { get; private set; }

    public string Culture { get; private set; } = "en";

    /// <summary>The page's identity across languages and slug changes, e.g. "Article:what-is-287g" or "Home".</summary>
    public string PageKey { get; private set; } = "";

    /// <summary>When the publication went (or goes) public: its capture is due then.</summary>
    public DateTime PublishedAt { get; private set; }

    public string? PublishedById { get; private set; }

    public string PublishedByName { get; private set; } = "";

    /// <summary>What published it, such as "Article published" or "Firm profile saved".</summary>
    public string Reason { get; private set; } = "";

    public DateTime? CapturedAt { get; private set; }

    /// <summary>The address the page had when captured.</summary>
    public string? Path { get; private set; }

    public string? Title { get; private set; }

    /// <summary>The self-contained page (HTML with its stylesheet and images inlined), Brotli-compressed.</summary>
    public byte[]? Html { get; private set; }

    /// <summary>The page's readable text, for comparing two snapshots.</summary>
    public string? Text { get; private set; }

    public string? TextHash { get; private set; }

    public AdvertisingFilingState FilingState { get; private set; } = AdvertisingFilingState.Pending;

    public DateOnly? FiledOn { get; private set; }

    public string? FilingReference { get; private set; }

    public string? ExemptReason { get; private set; }

    public DateTime? FilingRecordedAt { get; private set; }

    public string? FilingRecordedByName { get; private set; }

    public static string KeyOf(AdvertisedPageKind kind, string? translationKey) =>
        translationKey is null ? kind.ToString() : $"{kind}:{translationKey}";

    /// <summary>A publication waiting for its capture, added in the publishing transaction.</summary>
    public static AdvertisingSnapshot Queue(AdvertisedPageKind kind, string? translationKey, string culture, DateTime publishedAt,
        string? publishedById, string publishedByName, string reason)
    {
        var needsKey = kind is AdvertisedPageKind.Article or AdvertisedPageKind.PracticeArea;
        if (needsKey != translationKey is not null)
        {
            throw new ArgumentException($"A {kind} page is named by a translation key only when it is an article or practice area.", nameof(translationKey));
        }

        return new AdvertisingSnapshot
        {
            PageKind = kind,
            TranslationKey = translationKey,
            Culture = culture,
            PageKey = KeyOf(kind, translationKey),
            PublishedAt = publishedAt,
            PublishedById = publishedById,
            PublishedByName = Truncate(publishedByName, 256),
            Reason = Truncate(reason, ReasonMaxLength),
        };
    }

    public bool IsCaptured => CapturedAt is not null;

    /// <summary>
    /// Stores the page as the public saw it. Its text against the snapshot before it (<paramref name="previousTextHash"/>,
    /// null for the page's first snapshot) decides whether there is anything to file.
    /// </summary>
    public void Capture(DateTime utcNow, string path, string title, byte[] html, string text, string textHash, string? previousTextHash)
    {
        if (IsCaptured)
        {
            throw new InvalidOperationException("An archived snapshot is never changed.");
        }

        CapturedAt = utcNow;
        Path = path;
        Title = Truncate(title, TitleMaxLength);
        Html = html;
        Text = text;
        TextHash = textHash;
        FilingState = previousTextHash == textHash ? AdvertisingFilingState.Unchanged : AdvertisingFilingState.NeedsFiling;
    }

    /// <summary>The last day to file: ten days after the firm-time day it went public.</summary>
    public DateOnly FilingDueOn(TimeZoneInfo firmTimeZone) => FilingDueFor(PublishedAt, firmTimeZone);

    /// <summary>The same rule for a publication time read without its snapshot (the archive's lists read no page bytes).</summary>
    public static DateOnly FilingDueFor(DateTime publishedAt, TimeZoneInfo firmTimeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(publishedAt, DateTimeKind.Utc), firmTimeZone)).AddDays(FilingWindowDays);

    /// <summary>Days left to file (0 on the last day, negative once late); null when nothing is to be filed.</summary>
    public int? FilingDaysLeft(DateOnly today, TimeZoneInfo firmTimeZone) =>
        FilingState == AdvertisingFilingState.NeedsFiling ? FilingDueOn(firmTimeZone).DayNumber - today.DayNumber : null;

    /// <summary>
    /// Records the filing; the errors name what to fix, each keyed by its field (<see cref="FiledOn"/>,
    /// <see cref="FilingReference"/>, or "" for the snapshot as a whole), and nothing changes when there are any.
    /// </summary>
    public IReadOnlyList<FieldError> MarkFiled(DateOnly filedOn, string? reference, DateOnly today, DateTime utcNow, string recordedBy)
    {
        var errors = new List<FieldError>();
        var trimmed = reference?.Trim() ?? "";
        if (!IsCaptured)
        {
            errors.Add(new("", "This page is not archived yet: it can be filed once it is public."));
        }

        if (trimmed.Length == 0)
        {
            errors.Add(new(nameof(FilingReference), "Enter the filing reference the State Bar gave you."));
        }
        else if (trimmed.Length > FilingReferenceMaxLength)
        {
            errors.Add(new(nameof(FilingReference), $"Shorten the filing reference to {FilingReferenceMaxLength} characters or fewer."));
        }

        if (filedOn > today)
        {
            errors.Add(new(nameof(FiledOn), "The filing date cannot be in the future."));
        }
        else if (filedOn.DayNumber < DateOnly.FromDateTime(PublishedAt).DayNumber - 1)
        {
            // A day's slack for the time zone: a filing before the page existed is a typing mistake.
            errors.Add(new(nameof(FiledOn), "The filing date is before the page was published."));
        }

        if (errors.Count == 0)
        {
            FilingState = AdvertisingFilingState.Filed;
            FiledOn = filedOn;
            FilingReference = trimmed;
            ExemptReason = null;
            Record(utcNow, recordedBy);
        }

        return errors;
    }

    /// <summary>Marks the change exempt; errors keyed by field (<see cref="ExemptReason"/>, or "" for the snapshot).</summary>
    public IReadOnlyList<FieldError> MarkExempt(string? reason, DateTime utcNow, string recordedBy)
    {
        var trimmed = reason?.Trim() ?? "";
        FieldError[] errors = !IsCaptured ? [new("", "This page is not archived yet: it can be marked once it is public.")]
            : trimmed.Length == 0 ? [new(nameof(ExemptReason), "Say why this change needs no filing (for example, the exemption that applies).")]
            : trimmed.Length > ExemptReasonMaxLength ? [new(nameof(ExemptReason), $"Shorten the reason to {ExemptReasonMaxLength} characters or fewer.")]
            : [];
        if (errors.Length == 0)
        {
            FilingState = AdvertisingFilingState.Exempt;
            ExemptReason = trimmed;
            FiledOn = null;
            FilingReference = null;
            Record(utcNow, recordedBy);
        }

        return errors;
    }

    /// <summary>Undoes a filing or exemption recorded by mistake: the change needs filing again.</summary>
    public bool MarkNeedsFiling(DateTime utcNow, string recordedBy)
    {
        if (FilingState is not (AdvertisingFilingState.Filed or AdvertisingFilingState.Exempt))
        {
            return false;
        }

        FilingState = AdvertisingFilingState.NeedsFiling;
        FiledOn = null;
        FilingReference = null;
        ExemptReason = null;
        Record(utcNow, recordedBy);
        return true;
    }

    private void Record(DateTime utcNow, string recordedBy)
    {
        FilingRecordedAt = utcNow;
        FilingRecordedByName = Truncate(recordedBy, 256);
    }

    private static string Truncate(string value, int max) => value.Length > max ? value[..max] : value;
}

/// <summary>Which public pages a publication changes.</summary>
public static class AdvertisedPages
{
    /// <summary>
    /// The pages whose own text comes from the firm profile of one language (its header and footer are on every page,
    /// and these snapshots show them too).
    /// </summary>
    public static IReadOnlyList<AdvertisedPageKind> FromFirmProfile { get; } =
    [
        AdvertisedPageKind.Home,
        AdvertisedPageKind.About,
        AdvertisedPageKind.Privacy,
        AdvertisedPageKind.Disclaimer,
        AdvertisedPageKind.PracticeAreaIndex,
        AdvertisedPageKind.Consultation,
    ];
}
