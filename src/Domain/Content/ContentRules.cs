using System.Globalization;

namespace PiriSite.Domain.Content;

/// <summary>An article or practice area as the editor posted it: every value a string, nothing trusted yet.</summary>
public sealed record ContentSubmission
{
    public string? Title { get; init; }
    public string? Slug { get; init; }
    public string? Summary { get; init; }
    public string? BodyMarkdown { get; init; }
    public string? SeoTitle { get; init; }
    public string? SeoDescription { get; init; }
    public string? Status { get; init; }

    /// <summary>Local date and time in the firm's time zone, as an HTML datetime-local input sends it; empty means now.</summary>
    public string? PublishAt { get; init; }

    /// <summary>On an English page: "true" when the editor marks the change as minor (a typo): translations stay up to date.</summary>
    public string? MinorChange { get; init; }

    /// <summary>On a translation: the English text version shown beside it, sent when the translator confirms it matches.</summary>
    public string? MatchesSourceVersion { get; init; }

    /// <summary>Article: the day the attorney must review it by, as a date input sends it (yyyy-MM-dd); empty means the default.</summary>
    public string? ReviewBy { get; init; }

    /// <summary>Article: "true" for a fast-moving topic (the shorter review cadence).</summary>
    public string? FastMoving { get; init; }

    /// <summary>
    /// Article: the ids of the topics ticked in the editor (none ticked: empty). Null when the save does not choose
    /// topics (a restored revision): the article keeps the ones it has.
    /// </summary>
    public IReadOnlyList<string>? Topics { get; init; }
}

/// <summary>What a review-by day typed in the editor is checked against: the article's stored day and the firm's today.</summary>
public sealed record ReviewDates(DateOnly? Stored, DateOnly Today);

public sealed record ContentValues(
    string Title, string Slug, string Summary, string BodyMarkdown, string? SeoTitle, string? SeoDescription,
    ContentStatus Status, DateTime? PublishAtUtc)
{
    /// <summary>A typo or formatting fix: the attorney's review still goes (it vouches for every comma), but translations stay up to date.</summary>
    public bool MinorChange { get; init; }

    /// <summary>The English text version the translator confirms this translation matches; null when not confirmed.</summary>
    public int? MatchesSourceVersion { get; init; }

    /// <summary>Article: the review-by day typed (null: the default from the last review).</summary>
    public DateOnly? ReviewBy { get; init; }

    public bool FastMoving { get; init; }

    /// <summary>Article: the topic ids chosen (null: keep the article's topics). Whether each is of the article's language is the saver's to check.</summary>
    public IReadOnlyList<int>? TopicIds { get; init; }
}

/// <summary>The rules of the content editor; every message names what to change.</summary>
public static class ContentRules
{
    /// <summary>The longest title (article) or name (practice area) its column holds.</summary>
    public static int TitleMaxLength(ContentKind kind) => kind == ContentKind.Article ? Article.TitleMaxLength : PracticeArea.NameMaxLength;

    public static int BodyMaxLength(ContentKind kind) => kind == ContentKind.Article ? Article.BodyMaxLength : PracticeArea.BodyMaxLength;

    public static (ContentValues? Values, IReadOnlyDictionary<string, string> Errors) Validate(
        ContentSubmission submission, ContentKind kind, TimeZoneInfo firmTimeZone, ReviewDates? review = null)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(firmTimeZone);
        var titleMaxLength = TitleMaxLength(kind);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);

        var title = (submission.Title ?? "").Trim();
        if (title.Length == 0)
        {
            errors[nameof(submission.Title)] = "Enter a title.";
        }
        else if (title.Length > titleMaxLength)
        {
            errors[nameof(submission.Title)] = $"Shorten the title to {titleMaxLength} characters or fewer.";
        }

        var slug = (submission.Slug ?? "").Trim();
        if (slug.Length == 0)
        {
            slug = Content.Slug.FromTitle(title);
        }

        if (!Content.Slug.IsValid(slug) && !errors.ContainsKey(nameof(submission.Title)))
        {
            errors[nameof(submission.Slug)] = "Use lower-case letters, digits and single hyphens only, such as \"asylum-interviews\" (at most 100 characters).";
        }

        var summary = (submission.Summary ?? "").Trim();
        Limit(errors, nameof(submission.Summary), summary, ContentPage.SummaryMaxLength, "summary");
        var body = (submission.BodyMarkdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        Limit(errors, nameof(submission.BodyMarkdown), body, BodyMaxLength(kind), "text");
        var seoTitle = NullIfEmpty(submission.SeoTitle);
        Limit(errors, nameof(submission.SeoTitle), seoTitle, ContentPage.SeoTitleMaxLength, "search title");
        var seoDescription = NullIfEmpty(submission.SeoDescription);
        Limit(errors, nameof(submission.SeoDescription), seoDescription, ContentPage.SeoDescriptionMaxLength, "search description");

        ContentStatus? status = submission.Status switch
        {
            nameof(ContentStatus.Draft) => ContentStatus.Draft,
            nameof(ContentStatus.Published) => ContentStatus.Published,
            _ => null,
        };
        if (status is null)
        {
            errors[nameof(submission.Status)] = "Choose Draft or Published.";
        }

        DateTime? publishAt = null;
        if (!string.IsNullOrWhiteSpace(submission.PublishAt))
        {
            if (DateTime.TryParseExact(submission.PublishAt.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                publishAt = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), firmTimeZone);
            }
            else
            {
                errors[nameof(submission.PublishAt)] = "Enter the publication date and time, for example 2027-01-15 09:00.";
            }
        }

        int? matches = null;
        if (!string.IsNullOrWhiteSpace(submission.MatchesSourceVersion))
        {
            if (int.TryParse(submission.MatchesSourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var shown) && shown > 0)
            {
                matches = shown;
            }
            else
            {
                errors[nameof(submission.MatchesSourceVersion)] = "Open the translation again and tick the box once more: its English version was not recognised.";
            }
        }

        DateOnly? reviewBy = null;
        if (review is not null && !string.IsNullOrWhiteSpace(submission.ReviewBy))
        {
            if (DateOnly.TryParseExact(submission.ReviewBy.Trim(), ReviewCadence.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                reviewBy = day;
                if (ReviewCadence.Refusal(review.Stored, day, review.Today) is { } refusal)
                {
                    errors[nameof(submission.ReviewBy)] = refusal;
                }
            }
            else
            {
                errors[nameof(submission.ReviewBy)] = "Enter the review-by date as a day, for example 2027-06-15.";
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ContentValues(title, slug, summary, body, seoTitle, seoDescription, status!.Value, publishAt)
            {
                MinorChange = IsTicked(submission.MinorChange),
                MatchesSourceVersion = matches,
                ReviewBy = reviewBy,
                FastMoving = review is not null && IsTicked(submission.FastMoving),
                TopicIds = kind == ContentKind.Article ? TopicIds(submission.Topics) : null,
            }, errors);
    }

    /// <summary>
    /// Whether a save changes what the attorney's review vouches for: the title, the summary or the body, down to
    /// a comma (a legal text's meaning can turn on one word, so no change is "too small"). The address, the
    /// search-engine title and description, the publication status and date are not the legal text and leave
    /// the review standing.
    /// </summary>
    public static bool ChangesReviewedText(IEditableContent current, ContentValues next)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        return !string.Equals(current.Title, next.Title, StringComparison.Ordinal)
            || !string.Equals(current.Summary, next.Summary, StringComparison.Ordinal)
            || !string.Equals(current.BodyMarkdown, next.BodyMarkdown, StringComparison.Ordinal);
    }

    /// <summary>A publication time as the editor's datetime-local input shows it: the firm's local time, to the minute.</summary>
    public static string? PublishAtText(DateTime? utc) =>
        utc is { } at ? FirmTimeZone.ToFirmTime(at).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : null;

    public static int WordCount(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    private static void Limit(Dictionary<string, string> errors, string field, string? value, int max, string what)
    {
        if (value is { } text && text.Length > max)
        {
            errors[field] = $"Shorten the {what} to {max:N0} characters or fewer (it has {text.Length:N0}).";
        }
    }

    // Anything but a topic id (a tampered form) is left out: it names no topic to file the article under.
    private static List<int>? TopicIds(IReadOnlyList<string>? posted) => posted?
        .Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0)
        .Where(id => id > 0).Distinct().ToList();

    private static bool IsTicked(string? checkbox) => string.Equals(checkbox?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
