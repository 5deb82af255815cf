using System.Security.Claims;
using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.Areas.Admin.Services;

public enum FirmProfileSaveStatus
{
    Saved,
    Invalid,

    /// <summary>Someone else's save landed between this one's check and its write.</summary>
    Conflict,

    /// <summary>There is no profile in that language.</summary>
    NotFound,
}

public sealed record FirmProfileSaveOutcome(FirmProfileSaveStatus Status, IReadOnlyList<FieldError> Errors);

/// <summary>
/// The one way the firm profile changes (each language's row is edited on its own), as <see cref="ContentEditingService"/>
/// is for content: a save based on an older version is refused, the pages' Markdown is rendered, the audit entry is
/// written in the same transaction, and every cached public page is evicted (the profile is in every page's header and footer).
/// </summary>
public sealed class FirmProfileEditingService(
    SiteDbContext db, AuditLog audit, MarkdownRenderer markdown, PublicPageCache pageCache, TimeProvider clock)
{
    /// <summary>The profile in <paramref name="culture"/>; null when there is none in that language.</summary>
    public Task<FirmProfile?> GetAsync(string culture = SiteCulture.English) =>
        db.FirmProfiles.AsNoTracking().SingleOrDefaultAsync(f => f.Culture == culture);

    /// <summary>Saves the profile in <paramref name="culture"/> the Attorney opened at <paramref name="version"/>.</summary>
    public async Task<FirmProfileSaveOutcome> SaveAsync(FirmProfileSubmission submission, int version, ClaimsPrincipal actor, string culture = SiteCulture.English)
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

        firm.Edit(submission, clock.GetUtcNow().UtcDateTime);
        firm.RenderPages(markdown, await db.ImagesByUrlAsync());
        audit.Add(actor, culture == SiteCulture.English ? "Firm profile edited" : $"Firm profile edited ({ContentLabels.Language(culture)})");
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

        await pageCache.EvictAllAsync();
        return new(FirmProfileSaveStatus.Saved, []);
    }
}
