using System.Globalization;
using System.Security.Claims;
using PiriSite.Domain.Advertising;
using PiriSite.Web.Services.Advertising;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// What <see cref="ContentEditingService"/> reads and writes beside the item itself: the checks before a save, the
/// redirect an old address leaves, and the words of a refusal. Each joins the service's unit of work.
/// </summary>
internal static class ContentEditingSteps
{
    /// <summary>
    /// Why a page in <paramref name="culture"/> cannot be published yet (its firm profile lacks a legal text every page
    /// in that language shows: the message names it and where to add it), or null when nothing is missing.
    /// </summary>
    public static async Task<string?> MissingLegalTextsAsync(this SiteDbContext db, string culture)
    {
        var missing = FirmProfileRules.MissingLegalTexts(await db.FirmProfiles.AsNoTracking().SingleOrDefaultAsync(f => f.Culture == culture));
        if (missing.Count == 0)
        {
            return null;
        }

        var language = ContentLabels.Language(culture);
        return $"Not published: the {language} firm profile lacks {string.Join(" and ", missing)}, which every {language} page shows. " +
               $"The attorney adds {(missing.Count == 1 ? "it" : "them")} in the firm profile's {language} version (/admin/firm?culture={culture}); " +
               "until then, save this translation as a draft.";
    }

    /// <summary><paramref name="slug"/> if no page of the kind uses it in <paramref name="culture"/>, else the first free "slug-2", "slug-3"…</summary>
    public static async Task<string> FreeSlugAsync<T>(this SiteDbContext db, string culture, string slug) where T : class, IEditableContent
    {
        var candidate = slug;
        for (var n = 2; await db.Set<T>().AnyAsync(c => c.Culture == culture && c.Slug == candidate); n++)
        {
            candidate = $"{slug[..Math.Min(slug.Length, Slug.MaxLength - 5)].TrimEnd('-')}-{n}";
        }

        return candidate;
    }

    /// <summary>Records the old address of a page whose slug changed, so that it answers 301 (in the page's own language).</summary>
    public static async Task MoveSlugAsync(this SiteDbContext db, ContentKind kind, string culture, int id, string? oldSlug, string newSlug)
    {
        // The new address belongs to this page now, even if it once redirected elsewhere (in its own language).
        var taken = await db.SlugRedirects.Where(r => r.Kind == kind && r.Culture == culture && r.OldSlug == newSlug).ToListAsync();
        db.SlugRedirects.RemoveRange(taken);

        if (oldSlug is not null && oldSlug != newSlug)
        {
            db.SlugRedirects.Add(new SlugRedirect { Kind = kind, Culture = culture, OldSlug = oldSlug, ContentId = id });
        }
    }

    /// <summary>
    /// Files the saved article under the <paramref name="chosen"/> topics of its own language (an id of another language's
    /// topic, or of none, is left out), in the save's unit of work, with an audit entry when that changed its topics.
    /// Null chosen (a practice area, a restored revision) leaves the topics as they are. A change of topics alone is
    /// a save like any other: the cached public pages are evicted after it.
    /// </summary>
    public static async Task FileUnderTopicsAsync(this SiteDbContext db, AuditLog audit, ClaimsPrincipal actor, IEditableContent item, IReadOnlyList<int>? chosen)
    {
        if (chosen is null || item is not Article)
        {
            return;
        }

        var wanted = await db.Topics.Where(t => t.Culture == item.Culture && chosen.Contains(t.Id))
            .OrderBy(t => t.DisplayOrder).Select(t => new { t.Id, t.Name }).ToListAsync();
        var current = await db.ArticleTopics.Where(l => l.ArticleId == item.Id).ToListAsync();
        var removed = current.Where(l => wanted.All(t => t.Id != l.TopicId)).ToList();
        var added = wanted.Where(t => current.All(l => l.TopicId != t.Id)).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return;
        }

        db.ArticleTopics.RemoveRange(removed);
        db.ArticleTopics.AddRange(added.Select(t => new ArticleTopic { ArticleId = item.Id, TopicId = t.Id }));
        audit.Add(actor, "Article topics changed", ContentLabels.Target(item),
            wanted.Count == 0 ? "No topics" : "Topics: " + string.Join(", ", wanted.Select(t => t.Name)));
    }

    /// <summary>
    /// The topics a new <paramref name="culture"/> translation of <paramref name="source"/> starts with: the versions in
    /// that language (same translation key) of the topics the English article is filed under; null for a practice area.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> TranslatedTopicsAsync(this SiteDbContext db, IEditableContent source, string culture)
    {
        if (source is not Article)
        {
            return null;
        }

        var keys = db.ArticleTopics.Where(l => l.ArticleId == source.Id).Join(db.Topics, l => l.TopicId, t => t.Id, (l, t) => t.TranslationKey);
        var ids = await db.Topics.Where(t => t.Culture == culture && keys.Contains(t.TranslationKey)).Select(t => t.Id).ToListAsync();
        return [.. ids.Select(id => id.ToString(CultureInfo.InvariantCulture))];
    }

    public static async Task<string> ConflictMessageAsync(this SiteDbContext db, ContentKind kind, IEditableContent current)
    {
        var latest = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == kind && r.ContentId == current.Id)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync();
        var who = latest?.SavedByName ?? "someone";
        var when = FirmTimeZone.ToFirmTime(current.UpdatedAt).ToString("MMMM d 'at' h:mm tt", CultureInfo.InvariantCulture);
        return $"{who} saved this page on {when}, while you were editing it, so your changes were not saved. " +
               "Your text is still below: copy what you need, then open the page again to see their version and add your changes to it.";
    }

    /// <summary>What an article's typed review-by day is checked against (null for a practice area: it has no review cadence).</summary>
    public static ReviewDates? ReviewDatesOf(IEditableContent? item, ContentKind kind, DateTime utcNow) =>
        kind == ContentKind.Article ? new ReviewDates((item as Article)?.ReviewBy, ReviewCadence.FirmDay(utcNow)) : null;

    /// <summary>
    /// A save made for staff keeps the article's review schedule: a restore its cadence and review-by day, a new
    /// translation (<paramref name="withDate"/> false: its text is not reviewed yet) its source's cadence.
    /// </summary>
    public static ContentSubmission WithReviewScheduleOf(this ContentSubmission submission, IEditableContent item, bool withDate = true) =>
        item is Article article
            ? submission with
            {
                ReviewBy = withDate ? article.ReviewBy?.ToString(ReviewCadence.DateFormat, CultureInfo.InvariantCulture) : null,
                FastMoving = article.FastMoving ? "true" : null,
            }
            : submission;

    /// <summary>Applies the editor's review cadence and review-by day to an article, with an audit entry when they changed.</summary>
    public static void ScheduleReview(this AuditLog audit, ClaimsPrincipal actor, IEditableContent item, ContentValues values)
    {
        if (item is Article article && article.ScheduleReview(values.FastMoving, values.ReviewBy))
        {
            audit.Add(actor, "Article review schedule changed", ContentLabels.Target(item), ReviewSchedule(article));
        }
    }

    /// <summary>"Review by June 3, 2027; fast-moving topic (every 2 months)", as the audit log and the editor say it.</summary>
    public static string ReviewSchedule(this Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var due = article.ReviewBy is { } day ? $"Review by {day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}" : "Not reviewed yet";
        var cadence = article.FastMoving
            ? $"fast-moving topic (every {ReviewCadence.FastMovingMonths} months)"
            : $"standard cadence (every {ReviewCadence.StandardMonths} months)";
        return $"{due}; {cadence}";
    }

    /// <summary>
    /// Queues for the advertising archive a page the save leaves published (a scheduled one is captured when it goes
    /// live), with the pages that list it. A draft, unpublished or deleted page is not queued. <paramref name="what"/>
    /// is the save's revision note ("Published", "Edited", "Restored revision 3") or "Restored" for an un-delete.
    /// </summary>
    public static void QueueIfPublished(this AdvertisingArchive archive, ContentKind kind, IEditableContent item, DateTime now,
        ClaimsPrincipal actor, string shownName, string what)
    {
        if (item.Status != ContentStatus.Published || item.DeletedAt is not null)
        {
            return;
        }

        var done = what switch
        {
            _ when what.StartsWith("Restored revision", StringComparison.Ordinal) => $"{what["Restored ".Length..]} restored",
            _ when item.StateAt(now) == PublicationState.Scheduled => "scheduled",
            "Created" or "Published" => "published",
            _ => what.ToLowerInvariant(),
        };
        var noun = kind == ContentKind.Article ? "Article" : "Practice area";
        var reason = item.Culture == SiteCulture.English ? $"{noun} {done}" : $"{noun} {done} ({ContentLabels.Language(item.Culture)})";
        AdvertisedPageKind[] pages = kind == ContentKind.Article
            ? [AdvertisedPageKind.Article, AdvertisedPageKind.ArticleIndex, AdvertisedPageKind.Home]
            : [AdvertisedPageKind.PracticeArea, AdvertisedPageKind.PracticeAreaIndex, AdvertisedPageKind.Home];
        foreach (var page in pages)
        {
            var key = page is AdvertisedPageKind.Article or AdvertisedPageKind.PracticeArea ? item.TranslationKey : null;
            archive.Queue(page, key, item.Culture, actor, reason, item.PublishedAt, shownName);
        }
    }
}
