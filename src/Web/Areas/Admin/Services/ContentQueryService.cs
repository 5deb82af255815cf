using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
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
            .Select(r => new RevisionSummary(r.Number, r.SavedAt, r.SavedByName, r.Note))
            .ToListAsync();
        return new ContentHistory(item.Title, revisions);
    }

    /// <summary>Revision <paramref name="number"/> compared with <paramref name="with"/>, or with the one before it.</summary>
    public async Task<RevisionComparison?> CompareAsync<T>(int id, int number, int? with) where T : class, IEditableContent
    {
        var kind = ContentEditingService.KindOf<T>();
        var revisions = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == kind && r.ContentId == id)
            .ToListAsync();
        var to = revisions.SingleOrDefault(r => r.Number == number);
        if (to is null)
        {
            return null;
        }

        var from = revisions.SingleOrDefault(r => r.Number == (with ?? number - 1));
        FieldDiff[] fields =
        [
            new("Title", Diff(from?.Title, to.Title)),
            new("Address", Diff(from?.Slug, to.Slug)),
            new("Summary", Diff(from?.Summary, to.Summary)),
            new("Text", Diff(from?.BodyMarkdown, to.BodyMarkdown)),
            new("Search title", Diff(from?.SeoTitle, to.SeoTitle)),
            new("Search description", Diff(from?.SeoDescription, to.SeoDescription)),
            new("Status", Diff(from?.Status.ToString(), to.Status.ToString())),
        ];
        return new RevisionComparison(to.Title, from?.Number ?? 0, to.Number, fields);
    }

    private static List<DiffLine> Diff(string? before, string? after)
    {
        var model = InlineDiffBuilder.Diff(before ?? "", after ?? "");
        return model.Lines.Select(line => new DiffLine(line.Type switch
        {
            ChangeType.Inserted => DiffChange.Added,
            ChangeType.Deleted => DiffChange.Removed,
            _ => DiffChange.Same,
        }, line.Text)).ToList();
    }
}
