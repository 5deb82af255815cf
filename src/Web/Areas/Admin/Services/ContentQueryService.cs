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
    /// <summary>
    /// One page of the English pages (newest edit first), current or deleted, those a search finds by title, address or
    /// summary; each with where its translations stand. Only the listed columns are read, and only the page's
    /// translations, so the list costs the same with 10,000 articles.
    /// </summary>
    public async Task<ListPage<ContentListItem>> ListAsync<T>(string? search, bool deleted, int page = 1, CancellationToken cancellationToken = default)
        where T : class, IEditableContent
    {
        var query = db.Set<T>().AsNoTracking().Where(c => c.Culture == SiteCulture.English);
        query = deleted ? query.Where(c => c.DeletedAt != null) : query.Where(c => c.DeletedAt == null);
        var title = TitleColumn<T>();
        if (LikePattern.Containing(search) is { } pattern)
        {
            query = query.Where(c => EF.Functions.Like(EF.Property<string>(c, title), pattern) || EF.Functions.Like(c.Slug, pattern) || EF.Functions.Like(c.Summary, pattern));
        }

        // The id breaks ties, so that two pages saved in the same instant keep their places from one page to the next.
        var found = await ListPaging.PageAsync(
            query.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)
                .Select(c => new ListedPage(c.Id, EF.Property<string>(c, title), c.Slug, c.Status, c.PublishedAt, c.UpdatedAt, c.DeletedAt != null, c.TranslationKey, c.TextVersion)),
            page, ListPaging.PageSize, cancellationToken);
        var keys = found.Rows.Select(c => c.TranslationKey).ToList();
        var translations = keys.Count == 0 ? []
            : await LanguageStates(db.Set<T>().Where(c => c.Culture != SiteCulture.English && keys.Contains(c.TranslationKey))).ToListAsync(cancellationToken);
        var byKey = ByLanguage(translations);
        var now = clock.GetUtcNow().UtcDateTime;
        return found.With(found.Rows.Select(c => new ContentListItem(c.Id, c.Title, c.Slug, EditableContent.StateOf(c.Status, c.PublishedAt, now), c.PublishedAt, c.UpdatedAt, c.Deleted)
        {
            Translations = Statuses(c.TranslationKey, c.TextVersion, byKey, now),
        }).ToList());
    }

    /// <summary>A row of the list as read from the database: the columns it shows, and those its translations are measured with.</summary>
    private sealed record ListedPage(int Id, string Title, string Slug, ContentStatus Status, DateTime? PublishedAt, DateTime UpdatedAt, bool Deleted, string TranslationKey, int TextVersion);

    // By column name: a practice area's title is its Name, which EF cannot reach through IEditableContent.Title.
    private static string TitleColumn<T>() => typeof(T) == typeof(Article) ? nameof(Article.Title) : nameof(PracticeArea.Name);

    /// <summary>Where each page stands among its languages, read from its columns only (never its text).</summary>
    private static IQueryable<ContentLanguageState> LanguageStates<T>(IQueryable<T> pages) where T : class, IEditableContent =>
        pages.AsNoTracking().Select(c => new ContentLanguageState(
            c.Id, c.TranslationKey, c.Culture, c.Status, c.PublishedAt, c.DeletedAt, c.ReviewedAt != null, c.TextVersion, c.SourceTextVersion));

    private static Dictionary<(string TranslationKey, string Culture), ContentLanguageState> ByLanguage(IEnumerable<ContentLanguageState> pages) =>
        pages.ToDictionary(p => (p.TranslationKey, p.Culture));

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
        // Every page's columns, never its text: with 10,000 articles in three languages this reads 30,000 short rows.
        var kind = ContentEditingService.KindOf<T>();
        var title = TitleColumn<T>();
        var pages = db.Set<T>().AsNoTracking().Where(c => c.DeletedAt == null);
        var states = await LanguageStates(pages).ToListAsync(cancellationToken);
        var titles = await pages.Where(c => c.Culture == SiteCulture.English)
            .Select(c => new { c.Id, Title = EF.Property<string>(c, title) })
            .ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        var byKey = ByLanguage(states);
        return states.Where(c => !c.IsTranslation)
            .Select(source => (Source: source, Title: titles.GetValueOrDefault(source.Id, "")))
            .OrderBy(c => c.Title, StringComparer.CurrentCulture)
            .SelectMany(c => Statuses(c.Source.TranslationKey, c.Source.TextVersion, byKey, now).Select(status => (
                new TranslationTask(kind, c.Title, status.Culture, status.Missing ? c.Source.Id : status.Id!.Value, status.Missing ? null : status.Publication),
                status,
                EditableContent.StateOf(c.Source.Status, c.Source.PublishedAt, now) != PublicationState.Draft)))
            .ToList();
    }

    // Spanish then French: where each translation of the English page stands (missing when there is no row).
    private static List<TranslationStatus> Statuses<T>(T source, IEnumerable<T> candidates, DateTime now) where T : class, IEditableContent =>
        Statuses(source.TranslationKey, source.TextVersion, ByLanguage(candidates.Select(ContentLanguageState.Of)), now);

    private static List<TranslationStatus> Statuses(
        string translationKey, int textVersion, Dictionary<(string TranslationKey, string Culture), ContentLanguageState> pages, DateTime now) =>
        SiteCulture.Supported.Where(culture => culture != SiteCulture.English)
            .Select(culture => TranslationStatus.Of(culture, pages.GetValueOrDefault((translationKey, culture)), textVersion, now))
            .ToList();

    /// <summary>The item as stored (deleted ones too: the editor is where they are restored from).</summary>
    public Task<T?> FindAsync<T>(int id) where T : class, IEditableContent =>
        db.Set<T>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id);

    /// <summary>
    /// One page of an item's revisions, newest first, those a search finds by their note or by who saved them; only
    /// the columns the history shows are read (never a revision's text), so 500 revisions cost what 50 do.
    /// </summary>
    public async Task<ContentHistory?> HistoryAsync<T>(int id, string? search = null, int page = 1, CancellationToken cancellationToken = default)
        where T : class, IEditableContent
    {
        var title = TitleColumn<T>();
        if (await db.Set<T>().Where(c => c.Id == id).Select(c => EF.Property<string>(c, title)).SingleOrDefaultAsync(cancellationToken) is not { } itemTitle)
        {
            return null;
        }

        var kind = ContentEditingService.KindOf<T>();
        var revisions = db.ContentRevisions.AsNoTracking().Where(r => r.Kind == kind && r.ContentId == id);
        var latest = await revisions.MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;
        if (LikePattern.Containing(search) is { } pattern)
        {
            // Without regard to case on both engines (citext on PostgreSQL). One item's revisions are few enough,
            // found by their index, to compare each.
            revisions = revisions.Where(r => EF.Functions.Like(r.Note, pattern) || EF.Functions.Like(r.SavedByName, pattern));
        }

        var found = await ListPaging.PageAsync(
            revisions.OrderByDescending(r => r.Number).Select(r => new RevisionSummary(r.Number, r.SavedAt, r.SavedByName, r.Note, r.Changes)),
            page, ListPaging.PageSize, cancellationToken);
        return new ContentHistory(itemTitle, found, latest);
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
