using Microsoft.EntityFrameworkCore;
using PiriSite.Data;
using PiriSite.Domain.Content;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Services;

/// <summary>What the public may read: published content in the site's language.</summary>
public sealed class PublicContentService(SiteDbContext db, TimeProvider clock)
{
    private const string Culture = SiteCulture.English;

    public async Task<IReadOnlyList<PracticeAreaListItem>> ListPracticeAreasAsync(CancellationToken cancellationToken = default) =>
        await db.PracticeAreas.AsNoTracking()
            .Where(PublishedAreas(clock.GetUtcNow().UtcDateTime))
            .OrderBy(p => p.DisplayOrder).ThenBy(p => p.Name)
            .Select(p => new PracticeAreaListItem(p.Name, p.Slug, p.Summary))
            .ToListAsync(cancellationToken);

    public Task<PracticeArea?> FindPracticeAreaAsync(string slug, CancellationToken cancellationToken = default) =>
        db.PracticeAreas.AsNoTracking()
            .Where(PublishedAreas(clock.GetUtcNow().UtcDateTime))
            .SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);

    public async Task<IReadOnlyList<ArticleListItem>> ListArticlesAsync(int? take = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Articles.AsNoTracking()
            .Where(PublishedArticles(now))
            .OrderByDescending(a => a.PublishedAt).ThenBy(a => a.Title)
            .Select(a => new ArticleListItem(a.Title, a.Slug, a.Summary, a.AuthorName, a.PublishedAt!.Value, a.UpdatedAt));
        return await (take is { } limit ? query.Take(limit) : query).ToListAsync(cancellationToken);
    }

    public Task<Article?> FindArticleAsync(string slug, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Articles.AsNoTracking()
            .Where(PublishedArticles(now))
            .SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
    }

    /// <summary>Every public practice area's address and last change, for the sitemap.</summary>
    public async Task<IReadOnlyList<PageDate>> ListPracticeAreaDatesAsync(CancellationToken cancellationToken = default) =>
        await db.PracticeAreas.AsNoTracking()
            .Where(PublishedAreas(clock.GetUtcNow().UtcDateTime))
            .OrderBy(p => p.DisplayOrder).ThenBy(p => p.Name)
            // A scheduled page changed when it went live, after its last save.
            .Select(p => new PageDate("/practice-areas/" + p.Slug, p.PublishedAt > p.UpdatedAt ? p.PublishedAt.Value : p.UpdatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>The newest public articles, whole, for the feed.</summary>
    public async Task<IReadOnlyList<Article>> ListNewestArticlesAsync(int take, CancellationToken cancellationToken = default) =>
        await db.Articles.AsNoTracking()
            .Where(PublishedArticles(clock.GetUtcNow().UtcDateTime))
            .OrderByDescending(a => a.PublishedAt).ThenBy(a => a.Title)
            .Take(take)
            .ToListAsync(cancellationToken);

    /// <summary>The current slug of a page that used to live at <paramref name="oldSlug"/>, if it is still public.</summary>
    public async Task<string?> FindMovedSlugAsync(ContentKind kind, string oldSlug, CancellationToken cancellationToken = default)
    {
        var redirect = await db.SlugRedirects.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Kind == kind && r.Culture == Culture && r.OldSlug == oldSlug, cancellationToken);
        if (redirect is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return kind == ContentKind.Article
            ? await db.Articles.Where(PublishedArticles(now)).Where(a => a.Id == redirect.ContentId).Select(a => a.Slug).SingleOrDefaultAsync(cancellationToken)
            : await db.PracticeAreas.Where(PublishedAreas(now)).Where(p => p.Id == redirect.ContentId).Select(p => p.Slug).SingleOrDefaultAsync(cancellationToken);
    }

    // Public means: in this language, published, its time has come, and not deleted.
    private static System.Linq.Expressions.Expression<Func<Article, bool>> PublishedArticles(DateTime now) =>
        a => a.Culture == Culture && a.Status == ContentStatus.Published && a.PublishedAt <= now && a.DeletedAt == null;

    private static System.Linq.Expressions.Expression<Func<PracticeArea, bool>> PublishedAreas(DateTime now) =>
        p => p.Culture == Culture && p.Status == ContentStatus.Published && (p.PublishedAt == null || p.PublishedAt <= now) && p.DeletedAt == null;
}
