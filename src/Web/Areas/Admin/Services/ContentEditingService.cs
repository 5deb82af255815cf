using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PiriSite.Data;
using PiriSite.Data.Identity;
using PiriSite.Domain.Content;
using PiriSite.Web.Services;
using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.Areas.Admin.Services;

public sealed record SaveOutcome(int? Id, IReadOnlyDictionary<string, string> Errors, string? Conflict, string? Slug = null)
{
    public bool Saved => Id is not null;

    public static SaveOutcome Invalid(IReadOnlyDictionary<string, string> errors) => new(null, errors, null);
}

public enum ReviewOutcome
{
    Reviewed,
    NotFound,
    ChangedSinceOpened,
}

/// <summary>
/// The one way articles and practice areas change: every save checks the version the editor started from,
/// keeps a revision, records old slugs for redirects, writes the audit log and evicts the cached public pages
/// that show it. There is no other save path, so a change is on the public site the moment it is saved.
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

    public async Task<SaveOutcome> SaveAsync<T>(int? id, int version, ContentSubmission submission, ClaimsPrincipal actor)
        where T : class, IEditableContent
    {
        var kind = KindOf<T>();
        var bodyMax = kind == ContentKind.Article ? Article.BodyMaxLength : PracticeArea.BodyMaxLength;
        var (values, errors) = ContentRules.Validate(submission, bodyMax, FirmTimeZone.Value);
        if (values is null)
        {
            return SaveOutcome.Invalid(errors);
        }

        var set = db.Set<T>();
        var item = id is { } existingId ? await set.SingleOrDefaultAsync(c => c.Id == existingId) : null;
        if (id is not null && item is null)
        {
            return SaveOutcome.Invalid(new Dictionary<string, string> { [""] = "This page no longer exists." });
        }

        if (item is not null && item.Version != version)
        {
            return new SaveOutcome(null, errors, await ConflictMessageAsync(kind, item));
        }

        if (await set.AnyAsync(c => c.Culture == SiteCulture.English && c.Slug == values.Slug && c.Id != (id ?? 0)))
        {
            return SaveOutcome.Invalid(new Dictionary<string, string> { [nameof(ContentSubmission.Slug)] = $"Another page already uses the address \"{values.Slug}\". Choose another." });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = item is null;

        // Content that predates the editor (the seeded pages) gets its original state kept as revision 1
        // before the first edit, so it can always be compared with and restored.
        var original = !isNew && !await db.ContentRevisions.AnyAsync(r => r.Kind == kind && r.ContentId == item!.Id)
            ? ContentRevision.Of(kind, item!, 1, item!.UpdatedAt, null, "Site set-up", "Original version")
            : null;
        item ??= New<T>(values.Slug);
        var oldSlug = isNew ? null : item.Slug;
        var wasPublic = !isNew && item.StateAt(now) == PublicationState.Published;
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

        try
        {
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
            return new SaveOutcome(null, errors, await ConflictMessageAsync(kind, current));
        }

        await pageCache.EvictAsync(kind);
        await audit.RecordAsync(actor, $"{Label(kind)} {note.ToLowerInvariant()}", $"{item.Title} (/{item.Slug})");
        if (reviewWithdrawn)
        {
            await audit.RecordAsync(actor, "Attorney's review withdrawn by a change to the text", $"{item.Title} (/{item.Slug})");
        }

        return new SaveOutcome(item.Id, errors, null, item.Slug);
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
        await db.SaveChangesAsync();
        await pageCache.EvictAsync(KindOf<T>());
        await audit.RecordAsync(actor, $"{Label(KindOf<T>())} {(deleted ? "deleted" : "restored")}", $"{item.Title} (/{item.Slug})");
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
        await db.SaveChangesAsync();
        await pageCache.EvictAsync(ContentKind.Article);
        await audit.RecordAsync(actor, "Article reviewed by the attorney", $"{article.Title} (/{article.Slug})");
        return ReviewOutcome.Reviewed;
    }

    /// <summary>Makes an old revision current again, as a new revision (nothing in the history is lost).</summary>
    public async Task<SaveOutcome> RestoreRevisionAsync<T>(int id, int number, ClaimsPrincipal actor) where T : class, IEditableContent
    {
        var kind = KindOf<T>();
        var item = await db.Set<T>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id);
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
            PublishAt = item.PublishedAt is { } at ? FirmTimeZone.ToFirmTime(at).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return await SaveAsync<T>(id, item.Version, submission, actor);
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
}
