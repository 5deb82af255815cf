using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PiriSite.Data.Identity;
using PiriSite.Web.Services.Advertising;
using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.Areas.Admin.Services;

public enum FirmProfileSaveStatus
{
    Saved,
    Invalid,

    /// <summary>Someone else's save landed between this one's check and its write.</summary>
    Conflict,

    /// <summary>There is no profile (or no such revision) in that language.</summary>
    NotFound,
}

public sealed record FirmProfileSaveOutcome(FirmProfileSaveStatus Status, IReadOnlyList<FieldError> Errors);

/// <summary>
/// The one way the firm profile changes (each language's row is edited on its own), as <see cref="ContentEditingService"/>
/// is for content: a save based on an older version is refused, the pages' Markdown is rendered, and the audit entry,
/// the new revision and the advertising archive's entries for the firm's pages are written in the same transaction;
/// then every cached public page is evicted (the profile is in every page's header and footer).
/// </summary>
public sealed class FirmProfileEditingService(
    SiteDbContext db, AuditLog audit, MarkdownRenderer markdown, PublicPageCache pageCache, AdvertisingArchive archive,
    UserManager<StaffUser> users, TimeProvider clock)
{
    /// <summary>The profile in <paramref name="culture"/>; null when there is none in that language.</summary>
    public Task<FirmProfile?> GetAsync(string culture = SiteCulture.English) =>
        db.FirmProfiles.AsNoTracking().SingleOrDefaultAsync(f => f.Culture == culture);

    /// <summary>Saves the profile in <paramref name="culture"/> the Attorney opened at <paramref name="version"/>.</summary>
    public Task<FirmProfileSaveOutcome> SaveAsync(FirmProfileSubmission submission, int version, ClaimsPrincipal actor, string culture = SiteCulture.English) =>
        SaveAsync(submission, version, actor, culture, restored: null);

    /// <summary>
    /// Makes revision <paramref name="number"/> current again, as a new revision (nothing in the history is lost),
    /// provided the profile is still at the <paramref name="version"/> the confirmation page showed.
    /// </summary>
    public async Task<FirmProfileSaveOutcome> RestoreAsync(string culture, int number, int version, ClaimsPrincipal actor)
    {
        var revision = await db.FirmProfileRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Culture == culture && r.Number == number);
        return revision is null
            ? new(FirmProfileSaveStatus.NotFound, [])
            : await SaveAsync(revision.Fields, version, actor, culture, restored: number);
    }

    private async Task<FirmProfileSaveOutcome> SaveAsync(FirmProfileSubmission submission, int version, ClaimsPrincipal actor, string culture, int? restored)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var errors = FirmProfileRules.Validate(submission).ToList();
        var firm = await db.FirmProfiles.SingleOrDefaultAsync(f => f.Culture == culture);
        if (firm is null)
        {
            return new(FirmProfileSaveStatus.NotFound, []);
        }

        if (firm.Version != version)
        {
            errors.Add(new("", "Someone else saved the profile while you were editing it, so your changes were not saved. Your text is below: copy what you need, then reload the page."));
        }

        if (errors.Count > 0)
        {
            return new(FirmProfileSaveStatus.Invalid, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var previous = await AddOriginalRevisionIfNoneAsync(firm);
        firm.Edit(submission, now);
        firm.RenderPages(markdown, await db.ImagesByUrlAsync());
        var user = await users.GetUserAsync(actor);
        db.FirmProfileRevisions.Add(FirmProfileRevision.Of(firm, previous.Number + 1, now, user?.Id, StaffUser.ShownNameOf(user, actor),
            restored is { } n ? $"Restored revision {n}" : "Edited", previous.Fields));
        var language = culture == SiteCulture.English ? "" : $" ({ContentLabels.Language(culture)})";
        audit.Add(actor, restored is { } r ? $"Firm profile restored to revision {r}{language}" : $"Firm profile edited{language}");
        archive.QueueFirmPages(culture, actor, restored is { } number ? $"Firm profile restored to revision {number}" : "Firm profile saved");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(FirmProfileSaveStatus.Conflict,
                [new("", "Someone else saved the profile at the same moment, so your changes were not saved. Your text is below.")]);
        }

        archive.CaptureSoon();
        await pageCache.EvictAllAsync();
        return new(FirmProfileSaveStatus.Saved, []);
    }

    // A profile that predates its history (the seeded one) gets its state before this first save kept as revision 1,
    // so it can always be compared with and restored. Returns the latest revision, which this save follows.
    private async Task<FirmProfileRevision> AddOriginalRevisionIfNoneAsync(FirmProfile firm)
    {
        var latest = await db.FirmProfileRevisions.AsNoTracking()
            .Where(r => r.Culture == firm.Culture).OrderByDescending(r => r.Number).FirstOrDefaultAsync();
        if (latest is not null)
        {
            return latest;
        }

        var original = FirmProfileRevision.Of(firm, 1, firm.UpdatedAt, null, "Site set-up", "Original version", previous: null);
        db.FirmProfileRevisions.Add(original);
        return original;
    }
}
