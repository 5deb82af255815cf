using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PiriSite.Data.Identity;
using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// The one way articles and practice areas change: every save checks the version the editor started from,
/// keeps a revision, records old slugs for redirects, writes the audit log (and the advertising archive's entry for
/// what it leaves published) in the same transaction and evicts the cached public pages that show it. There is no
/// other save path, so a change is on the public site the moment it is saved.
/// </summary>
public sealed class ContentEditingService(
    SiteDbContext db,
    UserManager<StaffUser> users,
    AuditLog audit,
    MarkdownRenderer markdown,
    PublicPageCache pageCache,
    PiriSite.Web.Services.Advertising.AdvertisingArchive archive,
    TimeProvider clock)
{
    public static ContentKind KindOf<T>() where T : IEditableContent => ContentLabels.KindOf<T>();

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

    /// <summary>
    /// Starts the <paramref name="culture"/> translation of English item <paramref name="sourceId"/> through the one save path:
    /// a draft holding the English text to translate, at the English address (numbered if taken) until the translator
    /// chooses one, and an article filed under the same topics in its language. An existing translation is not made twice: its id comes back.
    /// </summary>
    public async Task<SaveOutcome> AddTranslationAsync<T>(int sourceId, string culture, ClaimsPrincipal actor) where T : class, IEditableContent
    {
        var set = db.Set<T>();
        var source = await set.AsNoTracking().SingleOrDefaultAsync(c => c.Id == sourceId && c.Culture == SiteCulture.English);
        if (source is null || culture == SiteCulture.English || !SiteCulture.IsSupported(culture))
        {
            return SaveOutcome.NotFound;
        }

        if (await set.Where(c => c.TranslationKey == source.TranslationKey && c.Culture == culture).Select(c => (int?)c.Id).SingleOrDefaultAsync() is { } existing)
        {
            return new SaveOutcome(existing, new Dictionary<string, string>(), null);
        }

        var slug = await db.FreeSlugAsync<T>(culture, source.Slug);
        var draft = new ContentSubmission { Title = source.Title, Slug = slug, Summary = source.Summary, BodyMarkdown = source.BodyMarkdown, Status = nameof(ContentStatus.Draft) }
            .WithReviewScheduleOf(source, withDate: false) with { Topics = await db.TranslatedTopicsAsync(source, culture) };
        return await SaveAsync(ContentLabels.New<T>(slug, source, culture), 0, draft, actor);
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
        audit.Add(actor, $"{ContentLabels.Of(KindOf<T>(), item.Culture)} {(deleted ? "deleted" : "restored")}", ContentLabels.Target(item));
        archive.QueueIfPublished(KindOf<T>(), item, clock.GetUtcNow().UtcDateTime, actor, StaffUser.ShownNameOf(await users.GetUserAsync(actor), actor), "Restored");
        await db.SaveChangesAsync();
        await pageCache.PageSavedAsync(KindOf<T>(), item.Id, item.TranslationKey);
        archive.CaptureSoon();
        return true;
    }

    /// <summary>
    /// The attorney vouches for the text of <paramref name="version"/>, the one on their screen (an article's or
    /// practice area's accuracy, a translation's faithfulness): if someone saved a new text since, the review is
    /// refused rather than given to words the attorney has not read.
    /// </summary>
    public async Task<ReviewOutcome> MarkReviewedAsync<T>(int id, int version, ClaimsPrincipal actor) where T : class, IEditableContent
    {
        var item = await db.Set<T>().SingleOrDefaultAsync(c => c.Id == id);
        if (item is null)
        {
            return ReviewOutcome.NotFound;
        }

        if (item.Version != version)
        {
            return ReviewOutcome.ChangedSinceOpened;
        }

        item.MarkReviewed(clock.GetUtcNow().UtcDateTime, StaffUser.ShownNameOf(await users.GetUserAsync(actor), actor));
        audit.Add(actor, $"{ContentLabels.Of(KindOf<T>(), item.Culture)} reviewed by the attorney", ContentLabels.Target(item), (item as Article)?.ReviewSchedule());
        await db.SaveChangesAsync();
        await pageCache.PageSavedAsync(KindOf<T>(), item.Id, item.TranslationKey);
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
            Title = revision.Title, Slug = revision.Slug, Summary = revision.Summary, BodyMarkdown = revision.BodyMarkdown,
            SeoTitle = revision.SeoTitle, SeoDescription = revision.SeoDescription,
            Status = item.Status.ToString(), PublishAt = ContentRules.PublishAtText(item.PublishedAt),
        }.WithReviewScheduleOf(item);
        return await SaveAsync(item, item.Version, submission, actor, $"Restored revision {number}");
    }

    // The item is loaded once, tracked, by the caller (null or not yet stored: a new one); everything below works on that copy.
    // The history names the save by what it did to the page ("Published"), or by restoredNote for a restore.
    private async Task<SaveOutcome> SaveAsync<T>(T? item, int version, ContentSubmission submission, ClaimsPrincipal actor, string? restoredNote = null)
        where T : class, IEditableContent
    {
        var kind = KindOf<T>();
        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = item is null || item.Id == 0;
        var stored = isNew ? null : StoredContent.Of(item!, now);
        var (values, errors) = ContentRules.Validate(submission, kind, FirmTimeZone.Value, ContentEditingSteps.ReviewDatesOf(item, kind, now));
        if (values is null)
        {
            return SaveOutcome.Invalid(errors, stored);
        }

        if (!isNew && item!.Version != version)
        {
            return new SaveOutcome(null, errors, await db.ConflictMessageAsync(kind, item), Stored: stored);
        }

        var set = db.Set<T>();
        var id = item?.Id ?? 0;
        var culture = item?.Culture ?? SiteCulture.English;
        if (await set.AnyAsync(c => c.Culture == culture && c.Slug == values.Slug && c.Id != id))
        {
            return SaveOutcome.Invalid(new Dictionary<string, string> { [nameof(ContentSubmission.Slug)] = $"Another page already uses the address \"{values.Slug}\". Choose another." }, stored);
        }

        // A page in a language must carry that language's legal notices, which come from its firm profile.
        if (values.Status == ContentStatus.Published && culture != SiteCulture.English && await db.MissingLegalTextsAsync(culture) is { } missing)
        {
            return SaveOutcome.Invalid(new Dictionary<string, string> { [nameof(ContentSubmission.Status)] = missing }, stored);
        }

        var source = culture == SiteCulture.English ? null
            : await set.AsNoTracking().SingleOrDefaultAsync(c => c.TranslationKey == item!.TranslationKey && c.Culture == SiteCulture.English);
        // Content that predates the editor (the seeded pages) gets its original state kept as revision 1
        // before the first edit, so it can always be compared with and restored.
        // The item as stored is its last revision: what this save changed is measured against it.
        var before = isNew ? null : ContentRevision.Of(kind, item!, 1, item!.UpdatedAt, null, "Site set-up", "Original version");
        var original = before is not null && !await db.ContentRevisions.AnyAsync(r => r.Kind == kind && r.ContentId == id) ? before : null;
        item ??= ContentLabels.New<T>(values.Slug);
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
        var reviewWithdrawn = textChanged && item.WithdrawReview(now);
        // A typo fix leaves the translations up to date; any other change to an English text puts them behind it.
        if (textChanged && !values.MinorChange)
        {
            item.CountTextChange();
        }

        var broughtInLine = source is not null && values.MatchesSourceVersion is { } shown && item.BringInLineWith(source.AsPage(), shown);
        if (isNew)
        {
            set.Add(item);
        }

        var note = ContentLabels.SaveNote(isNew, item.StateAt(now), wasPublic);
        audit.Add(actor, $"{ContentLabels.Of(kind, culture)} {note.ToLowerInvariant()}", ContentLabels.Target(item));
        if (reviewWithdrawn)
        {
            audit.Add(actor, "Attorney's review withdrawn by a change to the text", ContentLabels.Target(item));
        }

        audit.ScheduleReview(actor, item, values);
        if (broughtInLine)
        {
            audit.Add(actor, $"Translation marked as matching English text version {item.SourceTextVersion}", ContentLabels.Target(item));
        }

        try
        {
            // Two saves: a new item needs its id before its revision, redirect and topic rows can name it.
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            await db.MoveSlugAsync(kind, culture, item.Id, oldSlug, item.Slug);
            await db.FileUnderTopicsAsync(audit, actor, item, values.TopicIds);
            if (original is not null)
            {
                db.ContentRevisions.Add(original);
            }

            await AddRevisionAsync(kind, item, actor, restoredNote ?? note, now, original is null ? null : 1, before);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await set.AsNoTracking().SingleAsync(c => c.Id == item.Id);
            return new SaveOutcome(null, errors, await db.ConflictMessageAsync(kind, current), Stored: stored);
        }

        await pageCache.PageSavedAsync(kind, item.Id, item.TranslationKey);
        archive.CaptureSoon();
        return new SaveOutcome(item.Id, errors, null, item.Slug) { Culture = culture };
    }

    // The save's revision and, when it leaves the page published, the advertising archive's entry for it.
    private async Task AddRevisionAsync(ContentKind kind, IEditableContent item, ClaimsPrincipal actor, string note, DateTime now, int? lastKnown, ContentRevision? before)
    {
        var last = lastKnown ?? await db.ContentRevisions.Where(r => r.Kind == kind && r.ContentId == item.Id).MaxAsync(r => (int?)r.Number) ?? 0;
        var user = await users.GetUserAsync(actor);
        var revision = ContentRevision.Of(kind, item, last + 1, now, user?.Id, StaffUser.ShownNameOf(user, actor), note);
        revision.Changes = revision.ChangesSince(before);
        db.ContentRevisions.Add(revision);
        archive.QueueIfPublished(kind, item, now, actor, revision.SavedByName, note);
    }
}
