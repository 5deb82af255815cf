using System.Globalization;
using System.Linq.Expressions;

namespace PiriSite.Domain.Content;

/// <summary>
/// How often the attorney reviews an article again: six months after their last review, two on a fast-moving topic
/// (enforcement programmes, policies that change by memo). Days are the firm's calendar days (Central Time).
/// </summary>
public static class ReviewCadence
{
    public const int StandardMonths = 6;
    public const int FastMovingMonths = 2;

    /// <summary>How far ahead the dashboard looks for reviews coming due.</summary>
    public const int DueSoonDays = 30;

    public const string DateFormat = "yyyy-MM-dd";

    public static int Months(bool fastMoving) => fastMoving ? FastMovingMonths : StandardMonths;

    /// <summary>The firm's calendar day at <paramref name="utc"/>.</summary>
    public static DateOnly FirmDay(DateTime utc) => FirmTimeZone.DayOf(utc);

    /// <summary>The day a review on <paramref name="reviewedOn"/> is next due: the same day of the month, or the month's last day (Aug 31 + 6 months: Feb 28).</summary>
    public static DateOnly DefaultReviewBy(DateOnly reviewedOn, bool fastMoving) => reviewedOn.AddMonths(Months(fastMoving));

    /// <summary>
    /// Overdue for review: a published article (live now, not deleted) whose text the attorney has not reviewed (never,
    /// or not since it last changed: unreviewed words are due at once) or whose review-by day is before today.
    /// Written once, for queries; <see cref="IsOverdue"/> runs the same expression in memory.
    /// </summary>
    public static Expression<Func<Article, bool>> Overdue(DateTime utcNow)
    {
        var today = FirmDay(utcNow);
        return a => a.DeletedAt == null && a.Status == ContentStatus.Published && a.PublishedAt != null && a.PublishedAt <= utcNow
            && (a.ReviewedAt == null || a.ReviewBy < today);
    }

    /// <summary>Published, reviewed, and due from today to <paramref name="days"/> days ahead (not overdue yet).</summary>
    public static Expression<Func<Article, bool>> DueWithin(DateTime utcNow, int days)
    {
        var today = FirmDay(utcNow);
        var last = today.AddDays(days);
        return a => a.DeletedAt == null && a.Status == ContentStatus.Published && a.PublishedAt != null && a.PublishedAt <= utcNow
            && a.ReviewedAt != null && a.ReviewBy >= today && a.ReviewBy <= last;
    }

    public static bool IsOverdue(Article article, DateTime utcNow) => Overdue(utcNow).Compile()(article);

    /// <summary>
    /// The day the article fell or falls due: its review-by day (the day its text changed, when that took the review
    /// off), or for a text never reviewed the day it went public.
    /// </summary>
    public static DateOnly DueOn(DateOnly? reviewBy, DateTime wentPublicAt) => reviewBy ?? FirmDay(wentPublicAt);

    /// <summary>Why a review-by day typed in the editor is refused (a past day, when it is not the one already stored), or null.</summary>
    public static string? Refusal(DateOnly? stored, DateOnly? chosen, DateOnly today) =>
        chosen is { } day && day != stored && day < today
            ? $"Choose today ({today.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}) or a later day: the review-by date cannot be in the past."
            : null;
}
