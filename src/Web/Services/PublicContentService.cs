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
            .Where(p => p.Culture == Culture && p.Status == ContentStatus.Published)
            .OrderBy(p => p.DisplayOrder).ThenBy(p => p.Name)
            .Select(p => new PracticeAreaListItem(p.Name, p.Slug, p.Summary))
            .ToListAsync(cancellationToken);

    public Task<PracticeArea?> FindPracticeAreaAsync(string slug, CancellationToken cancellationToken = default) =>
        db.PracticeAreas.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Culture == Culture && p.Slug == slug && p.Status == ContentStatus.Published, cancellationToken);

    public async Task<IReadOnlyList<ArticleListItem>> ListArticlesAsync(int? take = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Articles.AsNoTracking()
            .Where(a => a.Culture == Culture && a.Status == ContentStatus.Published && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).ThenBy(a => a.Title)
            .Select(a => new ArticleListItem(a.Title, a.Slug, a.Summary, a.AuthorName, a.PublishedAt!.Value, a.UpdatedAt));
        return await (take is { } limit ? query.Take(limit) : query).ToListAsync(cancellationToken);
    }

    public Task<Article?> FindArticleAsync(string slug, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Articles.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Culture == Culture && a.Slug == slug
                && a.Status == ContentStatus.Published && a.PublishedAt <= now, cancellationToken);
    }
}
