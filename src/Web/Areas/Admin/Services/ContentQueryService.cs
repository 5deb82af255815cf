using System.Globalization;
using System.Linq.Expressions;
using PiriSite.Domain.Search;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// What the content screens read: the list, one item for the editor with its translations, its history, what a
/// revision changed, and the translation work the dashboard lists.
/// </summary>
public sealed class ContentQueryService(SiteDbContext db, TimeProvider clock)
{
    // The list is for finding a page to edit, newest edits first; a search narrows it further.
    private const int ListLimit = 500;

    public async Task<IReadOnlyList<ContentListItem>> ListAsync<T>(string? search, bool deleted) where T : class, IEditableContent
    {
        var query = db.Set<T>().AsNoTracking().Where(c => c.Culture == SiteCulture.English);
        query = deleted ? query.Where(c => c.DeletedAt != null) : query.Where(c => c.DeletedAt == null);
        if (LikePattern.Containing(search) is { } pattern)
        {
            // By column name: a practice area's title is its Name, which EF cannot reach through IEditableContent.Title.
            var title = typeof(T) == typeof(Article) ? nameof(Article.Title) : nameof(PracticeArea.Name);
            query = query.Where(c => EF.Functions.Like(EF.Property<string>(c, title), pattern) || EF.Functions.Like(c.Slug, pattern) || EF.Functions.Like(c.Summary, pattern));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var items = await query.OrderByDescending(c => c.UpdatedAt).Take(ListLimit).ToListAsync();
        var keys = items.Select(c => c.TranslationKey).ToList();
        var translations = await db.Set<T>().AsNoTracking().Where(c => c.Culture != SiteCulture.English && keys.Contains(c.TranslationKey)).ToListAsync();
        return items.Select(c => new ContentListItem(c.Id, c.Title, c.Slug, c.StateAt(now), c.PublishedAt, c.UpdatedAt, c.DeletedAt is not null)
        {
            Translations = Statuses(c, translations, now),
        }).ToList();
    }

    /// <summary>The editor's view of an item's languages: its English source if it is a translation, and each translation's state.</summary>
    public async Task<ContentTranslations> TranslationsAsync<T>(T item) where T : class, IEditableContent
    {
        ArgumentNullException.ThrowIfNull(item);
        var family = await db.Set<T>().AsNoTracking().Where(c => c.TranslationKey == item.TranslationKey).ToListAsync();
        var source = family.SingleOrDefault(c => c.Culture == SiteCulture.English);
        return new(item.IsTranslation ? source : null, source is null ? [] : Statuses(source, family, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>Every translation missing (of a published English page), out of date or not reviewed, articles first.</summary>
    public async Task<TranslationWork> TranslationWorkAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tasks = (await WorkAsync<Article>(now, cancellationToken)).Concat(await WorkAsync<PracticeArea>(now, cancellationToken)).ToList();
        return new(
            tasks.Where(t => t.Status.Missing && t.SourcePublished).Select(t => t.Task).ToList(),
            tasks.Where(t => !t.Status.Missing && t.Status.OutOfDate).Select(t => t.Task).ToList(),
            tasks.Where(t => !t.Status.Missing && !t.Status.Reviewed).Select(t => t.Task).ToList());
    }

    /// <summary>Published articles overdue for review (longest overdue first), then those due within 30 days (soonest first); every language.</summary>
    public async Task<ReviewWork> ReviewWorkAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var overdue = await ReviewDueAsync(ReviewCadence.Overdue(now), cancellationToken);
        var soon = await ReviewDueAsync(ReviewCadence.DueWithin(now, ReviewCadence.DueSoonDays), cancellationToken);
        return new(ReviewCadence.FirmDay(now), [.. overdue.OrderBy(r => r.DueOn).ThenBy(r => r.Title, StringComparer.CurrentCulture)], [.. soon.OrderBy(r => r.DueOn)]);
    }

    private async Task<List<ReviewDue>> ReviewDueAsync(Expression<Func<Article, bool>> rule, CancellationToken cancellationToken)
    {
        var rows = await db.Articles.AsNoTracking().Where(rule)
            .Select(a => new { a.Id, a.Title, a.Culture, a.ReviewBy, a.PublishedAt, Reviewed = a.ReviewedAt != null, a.FastMoving })
            .ToListAsync(cancellationToken);
        return rows.Select(a => new ReviewDue(a.Id, a.Title, a.Culture, ReviewCadence.DueOn(a.ReviewBy, a.PublishedAt!.Value), a.Reviewed, a.FastMoving)
        {
            ChangedUnreviewed = !a.Reviewed && a.ReviewBy is not null,
        }).ToList();
    }

    private async Task<List<(TranslationTask Task, TranslationStatus Status, bool SourcePublished)>> WorkAsync<T>(DateTime now, CancellationToken cancellationToken)
        where T : class, IEditableContent
    {
        var kind = ContentEditingService.KindOf<T>();
        var pages = await db.Set<T>().AsNoTracking().Where(c => c.DeletedAt == null).ToListAsync(cancellationToken);
        return pages.Where(c => !c.IsTranslation)
            .OrderBy(c => c.Title, StringComparer.CurrentCulture)
            .SelectMany(source => Statuses(source, pages, now).Select(status => (
                new TranslationTask(kind, source.Title, status.Culture, status.Missing ? source.Id : status.Id!.Value, status.Missing ? null : status.Publication),
                status,
                source.StateAt(now) != PublicationState.Draft)))
            .ToList();
    }

    // Spanish then French: where each translation of the English page stands (missing when there is no row).
    private static List<TranslationStatus> Statuses<T>(T source, IEnumerable<T> candidates, DateTime now) where T : class, IEditableContent =>
        SiteCulture.Supported.Where(culture => culture != SiteCulture.English)
            .Select(culture => TranslationStatus.Of(
                culture,
                candidates.SingleOrDefault(c => c.Culture == culture && c.TranslationKey == source.TranslationKey),
                source.AsPage(),
                now))
            .ToList();

    /// <summary>The item as stored (deleted ones too: the editor is where they are restored from).</summary>
    public Task<T?> FindAsync<T>(int id) where T : class, IEditableContent =>
        db.Set<T>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id);

    public async Task<ContentHistory?> HistoryAsync<T>(int id) where T : class, IEditableContent
    {
        if (await FindAsync<T>(id) is not { } item)
        {
            return null;
        }

        var kind = ContentEditingService.KindOf<T>();
        var revisions = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == kind && r.ContentId == id)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionSummary(r.Number, r.SavedAt, r.SavedByName, r.Note, r.Changes))
            .ToListAsync();
        return new ContentHistory(item.Title, revisions);
    }

    /// <summary>
    /// Revision <paramref name="number"/> compared with <paramref name="with"/>, or with the one before it: only these two
    /// are read whole.
    /// </summary>
    public async Task<RevisionComparison?> CompareAsync<T>(int id, int number, int? with) where T : class, IEditableContent
    {
        var kind = ContentEditingService.KindOf<T>();
        var fromNumber = with ?? number - 1;
        var revisions = db.ContentRevisions.AsNoTracking().Where(r => r.Kind == kind && r.ContentId == id);
        var pair = await revisions.Where(r => r.Number == number || r.Number == fromNumber).ToListAsync();
        if (pair.SingleOrDefault(r => r.Number == number) is not { } to)
        {
            return null;
        }

        var from = pair.SingleOrDefault(r => r.Number == fromNumber && r.Number != number);
        var fields = new (string Field, string? Before, string After)[]
        {
            (kind == ContentKind.Article ? "Title" : "Name", from?.Title, to.Title),
            ("Address", from?.Slug, to.Slug),
            ("Summary", from?.Summary, to.Summary),
            ("Search title", from?.SeoTitle, to.SeoTitle ?? ""),
            ("Search description", from?.SeoDescription, to.SeoDescription ?? ""),
            ("Status", from?.Status.ToString(), to.Status.ToString()),
            ("Publish date", PublishDate(from?.PublishedAt), PublishDate(to.PublishedAt) ?? ""),
        };
        var changed = fields.Where(f => (f.Before ?? "") != f.After).ToList();
        var text = ContentDiff.CompareParagraphs(from?.BodyMarkdown, to.BodyMarkdown);
        var unchanged = fields.Except(changed).Select(f => f.Field).Prepend(text.Count == 0 ? "Text" : null).OfType<string>().ToList();
        return new RevisionComparison(
            to.Title, Summary(to), from?.Number ?? 0, await revisions.MaxAsync(r => r.Number),
            changed.Select(f => ContentDiff.CompareField(f.Field, f.Before, f.After)).ToList(), text, unchanged)
        {
            Culture = await db.Set<T>().Where(c => c.Id == id).Select(c => c.Culture).SingleOrDefaultAsync() ?? SiteCulture.English,
        };
    }

    /// <summary>What restoring revision <paramref name="number"/> of item <paramref name="id"/> will do; null when either is missing.</summary>
    public async Task<RevisionRestorePlan?> RestorePlanAsync<T>(int id, int number) where T : class, IEditableContent
    {
        var kind = ContentEditingService.KindOf<T>();
        var item = await FindAsync<T>(id);
        var revisions = db.ContentRevisions.AsNoTracking().Where(r => r.Kind == kind && r.ContentId == id);
        if (item is null || await revisions.SingleOrDefaultAsync(r => r.Number == number) is not { } revision)
        {
            return null;
        }

        var textChanges = revision.Title != item.Title || revision.Summary != item.Summary || revision.BodyMarkdown != item.BodyMarkdown;
        var translated = !item.IsTranslation && await db.Set<T>().AnyAsync(c => c.TranslationKey == item.TranslationKey && c.Culture != SiteCulture.English);
        return new RevisionRestorePlan(
            item.Title, Summary(revision), await revisions.MaxAsync(r => r.Number),
            item.StateAt(clock.GetUtcNow().UtcDateTime) == PublicationState.Published && item.DeletedAt is null,
            ReviewTakenOff: textChanges && item.ReviewedAt is not null,
            TranslationsFallBehind: textChanges && translated);
    }

    private static RevisionSummary Summary(ContentRevision r) => new(r.Number, r.SavedAt, r.SavedByName, r.Note, r.Changes);

    private static string? PublishDate(DateTime? utc) =>
        utc is { } at ? FirmTimeZone.ToFirmTime(at).ToString("MMM d, yyyy h:mm tt", CultureInfo.InvariantCulture) : null;
}
