using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PiriSite.Data.Identity;
using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// The one way articles and practice areas change: every save checks the version the editor started from,
/// keeps a revision, records old slugs for redirects, writes the audit log in the same transaction and evicts
/// the cached public pages that show it. There is no other save path, so a change is on the public site the
/// moment it is saved.
/// </summary>
public sealed class ContentEditingService(
    SiteDbContext db,
    UserManager<StaffUser> users,
    AuditLog audit,
    MarkdownRenderer markdown,
    PublicPageCache pageCache,
    TimeProvider clock)
{
    public static ContentKind KindOf<T>() where T : IEditableContent =>
        typeof(T) == typeof(Article) ? ContentKind.Article : ContentKind.PracticeArea;

    /// <summary>Creates an item (<paramref name="id"/> null) or saves the one the editor opened at <paramref name="version"/>.</summary>
    public async Task<SaveOutcome> SaveAsync<T>(int? id, int version, ContentSubmission submission, ClaimsPrincipal actor)
        where T : class, IEditableContent
    {
        T? item = null;
        if (id is { } existingId && (item = await db.Set<T>().SingleOrDefaultAsync(c => c.Id == existingId)) is null)
        {
            return SaveOutcome.NotFound;
        }

        return await SaveAsync(item, version, submission, actor);
    }

    public async Task<bool> SetDeletedAsync<T>(int id, bool deleted, ClaimsPrincipal actor) where T : class, IEditableContent
    {
        var item = await db.Set<T>().SingleOrDefaultAsync(c => c.Id == id);
        if (item is null)
        {
            return false;
        }

        item.DeletedAt = deleted ? clock.GetUtcNow().UtcDateTime : null;
        item.Version++;
        audit.Add(actor, $"{Label(KindOf<T>())} {(deleted ? "deleted" : "restored")}", Target(item));
        await db.SaveChangesAsync();
        await pageCache.EvictAsync(KindOf<T>());
        return true;
    }

    /// <summary>
    /// The attorney vouches for the text of <paramref name="version"/>, the one on their screen: if someone saved
    /// a new text since, the review is refused rather than given to words the attorney has not read.
    /// </summary>
    public async Task<ReviewOutcome> MarkReviewedAsync(int articleId, int version, ClaimsPrincipal actor)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == articleId);
        if (article is null)
        {
            return ReviewOutcome.NotFound;
        }

        if (article.Version != version)
        {
            return ReviewOutcome.ChangedSinceOpened;
        }

        article.MarkReviewed(clock.GetUtcNow().UtcDateTime, StaffUser.ShownNameOf(await users.GetUserAsync(actor), actor));
        audit.Add(actor, "Article reviewed by the attorney", Target(article));
        await db.SaveChangesAsync();
        await pageCache.EvictAsync(ContentKind.Article);
        return ReviewOutcome.Reviewed;
    }

    /// <summary>Makes an old revision current again, as a new revision (nothing in the history is lost).</summary>
    public async Task<SaveOutcome> RestoreRevisionAsync<T>(int id, int number, ClaimsPrincipal actor) where T : class, IEditableContent
    {
        var kind = KindOf<T>();
        var item = await db.Set<T>().SingleOrDefaultAsync(c => c.Id == id);
        var revision = await db.ContentRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Kind == kind && r.ContentId == id && r.Number == number);
        if (item is null || revision is null)
        {
            return SaveOutcome.Invalid(new Dictionary<string, string> { [""] = "That revision does not exist." });
        }

        var submission = new ContentSubmission
        {
            Title = revision.Title,
            Slug = revision.Slug,
            Summary = revision.Summary,
            BodyMarkdown = revision.BodyMarkdown,
            SeoTitle = revision.SeoTitle,
            SeoDescription = revision.SeoDescription,
            Status = item.Status.ToString(),
            PublishAt = ContentRules.PublishAtText(item.PublishedAt),
        };
        return await SaveAsync(item, item.Version, submission, actor);
    }

    // The item is loaded once, tracked, by the caller (null: a new one); everything below works on that copy.
    private async Task<SaveOutcome> SaveAsync<T>(T? item, int version, ContentSubmission submission, ClaimsPrincipal actor)
        where T : class, IEditableContent
    {
        var kind = KindOf<T>();
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = item is null ? null : StoredContent.Of(item, now);
        var (values, errors) = ContentRules.Validate(submission, kind, FirmTimeZone.Value);
        if (values is null)
        {
            return SaveOutcome.Invalid(errors, stored);
        }

        if (item is not null && item.Version != version)
        {
            return new SaveOutcome(null, errors, await ConflictMessageAsync(kind, item), Stored: stored);
        }

        var set = db.Set<T>();
        var id = item?.Id ?? 0;
        if (await set.AnyAsync(c => c.Culture == SiteCulture.English && c.Slug == values.Slug && c.Id != id))
        {
            return SaveOutcome.Invalid(new Dictionary<string, string> { [nameof(ContentSubmission.Slug)] = $"Another page already uses the address \"{values.Slug}\". Choose another." }, stored);
        }

        var isNew = item is null;
        // Content that predates the editor (the seeded pages) gets its original state kept as revision 1
        // before the first edit, so it can always be compared with and restored.
        var original = !isNew && !await db.ContentRevisions.AnyAsync(r => r.Kind == kind && r.ContentId == id)
            ? ContentRevision.Of(kind, item!, 1, item!.UpdatedAt, null, "Site set-up", "Original version")
            : null;
        item ??= New<T>(values.Slug);
        var oldSlug = isNew ? null : item.Slug;
        var wasPublic = stored?.State == PublicationState.Published;
        var textChanged = !isNew && ContentRules.ChangesReviewedText(item, values);

        item.Title = values.Title;
        item.Slug = values.Slug;
        item.Summary = values.Summary;
        item.BodyMarkdown = values.BodyMarkdown;
        item.RenderBody(markdown, await db.ImagesByUrlAsync());
        item.SeoTitle = values.SeoTitle;
        item.SeoDescription = values.SeoDescription;
        item.Status = values.Status;
        item.PublishedAt = values.Status == ContentStatus.Published
            ? values.PublishAtUtc ?? (item.PublishedAt is { } published && published <= now ? published : now)
            : values.PublishAtUtc ?? item.PublishedAt;
        item.UpdatedAt = now;
        item.Version++;
        // The attorney reviewed the text as it was: a new text needs a new review before the page says so.
        var reviewWithdrawn = textChanged && item is Article article && article.WithdrawReview();
        if (isNew)
        {
            set.Add(item);
        }

        var note = isNew ? "Created" : item.StateAt(now) switch
        {
            PublicationState.Published when !wasPublic => "Published",
            PublicationState.Scheduled => "Scheduled",
            PublicationState.Draft when wasPublic => "Unpublished",
            _ => "Edited",
        };
        audit.Add(actor, $"{Label(kind)} {note.ToLowerInvariant()}", Target(item));
        if (reviewWithdrawn)
        {
            audit.Add(actor, "Attorney's review withdrawn by a change to the text", Target(item));
        }

        try
        {
            // Two saves: a new item needs its id before its revision and redirect rows can name it.
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            await MoveSlugAsync(kind, item.Id, oldSlug, item.Slug);
            if (original is not null)
            {
                db.ContentRevisions.Add(original);
            }

            await AddRevisionAsync(kind, item, actor, note, now, original is null ? null : 1);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await set.AsNoTracking().SingleAsync(c => c.Id == item.Id);
            return new SaveOutcome(null, errors, await ConflictMessageAsync(kind, current), Stored: stored);
        }

        await pageCache.EvictAsync(kind);
        return new SaveOutcome(item.Id, errors, null, item.Slug);
    }

    private static T New<T>(string slug) where T : class, IEditableContent
    {
        // The translation key is the first slug, kept for good so that later translations find their original.
        IEditableContent item = typeof(T) == typeof(Article)
            ? new Article { TranslationKey = slug, Title = "", Slug = slug }
            : new PracticeArea { TranslationKey = slug, Name = "", Slug = slug, DisplayOrder = 1000 };
        return (T)item;
    }

    private async Task MoveSlugAsync(ContentKind kind, int id, string? oldSlug, string newSlug)
    {
        // The new address belongs to this page now, even if it once redirected elsewhere.
        var taken = await db.SlugRedirects.Where(r => r.Kind == kind && r.Culture == SiteCulture.English && r.OldSlug == newSlug).ToListAsync();
        db.SlugRedirects.RemoveRange(taken);

        if (oldSlug is not null && oldSlug != newSlug)
        {
            db.SlugRedirects.Add(new SlugRedirect { Kind = kind, Culture = SiteCulture.English, OldSlug = oldSlug, ContentId = id });
        }
    }

    private async Task AddRevisionAsync(ContentKind kind, IEditableContent item, ClaimsPrincipal actor, string note, DateTime now, int? lastKnown)
    {
        var last = lastKnown ?? await db.ContentRevisions.Where(r => r.Kind == kind && r.ContentId == item.Id).MaxAsync(r => (int?)r.Number) ?? 0;
        var user = await users.GetUserAsync(actor);
        db.ContentRevisions.Add(ContentRevision.Of(kind, item, last + 1, now, user?.Id, StaffUser.ShownNameOf(user, actor), note));
    }

    private async Task<string> ConflictMessageAsync(ContentKind kind, IEditableContent current)
    {
        var latest = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == kind && r.ContentId == current.Id)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync();
        var who = latest?.SavedByName ?? "someone";
        var when = FirmTimeZone.ToFirmTime(current.UpdatedAt).ToString("MMMM d 'at' h:mm tt", System.Globalization.CultureInfo.InvariantCulture);
        return $"{who} saved this page on {when}, while you were editing it, so your changes were not saved. " +
               "Your text is still below: copy what you need, then open the page again to see their version and add your changes to it.";
    }

    private static string Label(ContentKind kind) => kind == ContentKind.Article ? "Article" : "Practice area";

    private static string Target(IEditableContent item) => $"{item.Title} (/{item.Slug})";
}
