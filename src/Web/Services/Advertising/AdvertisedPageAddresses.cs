using PiriSite.Domain.Advertising;

namespace PiriSite.Web.Services.Advertising;

/// <summary>Where each advertised page is public now, in each language, read from the database at capture time.</summary>
internal static class AdvertisedPageAddresses
{
    // The pages every language has, whatever the content: the firm's own pages and the two lists.
    private static readonly Dictionary<AdvertisedPageKind, SiteSection?> s_everyLanguage = new()
    {
        [AdvertisedPageKind.Home] = null,
        [AdvertisedPageKind.About] = SiteSection.About,
        [AdvertisedPageKind.Privacy] = SiteSection.Privacy,
        [AdvertisedPageKind.Disclaimer] = SiteSection.Disclaimer,
        [AdvertisedPageKind.PracticeAreaIndex] = SiteSection.PracticeAreas,
        [AdvertisedPageKind.ArticleIndex] = SiteSection.Articles,
        [AdvertisedPageKind.Consultation] = SiteSection.Consultation,
    };

    /// <summary>
    /// The page's address now (its current slug, after any rename), or null when the public cannot see it now: a
    /// draft, a deleted page, or one scheduled for later.
    /// </summary>
    public static async Task<string?> CurrentPathAsync(this SiteDbContext db, AdvertisingSnapshot pending, DateTime now, CancellationToken cancellationToken)
    {
        if (!SiteCulture.IsSupported(pending.Culture))
        {
            return null;
        }

        var language = SiteLanguage.Of(pending.Culture);
        return pending.PageKind switch
        {
            AdvertisedPageKind.Article => await PublicSlugAsync(db.Articles, pending, now, cancellationToken) is { } slug
                ? SitePaths.Article(language, slug) : null,
            AdvertisedPageKind.PracticeArea => await PublicSlugAsync(db.PracticeAreas, pending, now, cancellationToken) is { } slug
                ? SitePaths.PracticeArea(language, slug) : null,
            var kind => s_everyLanguage[kind] is { } section ? SitePaths.Section(language, section) : SitePaths.Home(language),
        };
    }

    /// <summary>Every page the public can see now, in every language: what the archive starts with.</summary>
    public static async Task<List<(AdvertisedPageKind Kind, string? TranslationKey, string Culture)>> PublicPagesAsync(
        this SiteDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var articles = await PublicKeysAsync(db.Articles, now, cancellationToken);
        var areas = await PublicKeysAsync(db.PracticeAreas, now, cancellationToken);
        return
        [
            .. SiteLanguage.All.SelectMany(language => s_everyLanguage.Keys.Select(kind => (kind, (string?)null, language.Code))),
            .. areas.Select(a => (AdvertisedPageKind.PracticeArea, (string?)a.TranslationKey, a.Culture)),
            .. articles.Select(a => (AdvertisedPageKind.Article, (string?)a.TranslationKey, a.Culture)),
        ];
    }

    // As the public site reads them (PublicContentService): a published practice area without a date is public,
    // an article never is.
    private static bool UndatedIsPublic<T>() => typeof(T) == typeof(PracticeArea);

    private static Task<string?> PublicSlugAsync<T>(DbSet<T> set, AdvertisingSnapshot pending, DateTime now, CancellationToken cancellationToken)
        where T : class, IEditableContent =>
        set.AsNoTracking()
            .Where(c => c.TranslationKey == pending.TranslationKey && c.Culture == pending.Culture
                && c.Status == ContentStatus.Published && c.DeletedAt == null && (c.PublishedAt <= now || (UndatedIsPublic<T>() && c.PublishedAt == null)))
            .Select(c => c.Slug)
            .FirstOrDefaultAsync(cancellationToken);

    private static async Task<List<(string TranslationKey, string Culture)>> PublicKeysAsync<T>(DbSet<T> set, DateTime now, CancellationToken cancellationToken)
        where T : class, IEditableContent =>
        (await set.AsNoTracking()
            .Where(c => c.Status == ContentStatus.Published && c.DeletedAt == null && (c.PublishedAt <= now || (UndatedIsPublic<T>() && c.PublishedAt == null)))
            .OrderBy(c => c.Culture).ThenBy(c => c.TranslationKey)
            .Select(c => new { c.TranslationKey, c.Culture })
            .ToListAsync(cancellationToken))
        .ConvertAll(c => (c.TranslationKey, c.Culture));
}
