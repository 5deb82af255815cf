using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PiriSite.Data.Identity;
using PiriSite.Domain.Advertising;
using PiriSite.Domain.Audit;
using PiriSite.Web.Services.Advertising;
using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.Areas.Admin.Services;

public enum NoticeSaveStatus
{
    /// <summary>A new version is in force.</summary>
    Saved,

    /// <summary>The words are those of the version in force: no new version.</summary>
    Unchanged,

    Invalid,
}

public sealed record NoticeSaveOutcome(NoticeSaveStatus Status, IReadOnlyList<FieldError> Errors, ConsultationNoticeVersion? Version = null);

/// <summary>One language's notice: the version in force (null if it has none) and every version, newest first.</summary>
public sealed record NoticeHistory(string Culture, ConsultationNoticeVersion? Current, IReadOnlyList<ConsultationNoticeVersion> Versions);

/// <summary>One version as the Attorney reads it, with whether it is the one in force and how many requests accepted it.</summary>
public sealed record NoticeVersionDetail(ConsultationNoticeVersion Version, bool IsCurrent, int RequestCount);

/// <summary>
/// The one way the consultation notice changes: a save with new words adds a version in that language (the old
/// ones stay as they were, and the requests that accepted them keep pointing at them), written together with its
/// audit entry and its place in the advertising archive; then every public page showing the form is evicted.
/// </summary>
public sealed class ConsultationNoticeEditingService(
    SiteDbContext db,
    UserManager<StaffUser> users,
    AuditLog audit,
    AdvertisingArchive archive,
    PublicPageCache pageCache,
    TimeProvider clock)
{
    public async Task<NoticeHistory> HistoryAsync(string culture)
    {
        var versions = await db.ConsultationNoticeVersions.AsNoTracking()
            .Where(v => v.Culture == culture).OrderByDescending(v => v.Number).ToListAsync();
        return new NoticeHistory(culture, versions.FirstOrDefault(), versions);
    }

    public async Task<NoticeVersionDetail?> FindAsync(int id)
    {
        var version = await db.ConsultationNoticeVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id);
        if (version is null)
        {
            return null;
        }

        var isCurrent = !await db.ConsultationNoticeVersions.AnyAsync(v => v.Culture == version.Culture && v.Number > version.Number);
        var requests = await db.ConsultationRequests.CountAsync(r => r.NoticeVersionId == id);
        return new NoticeVersionDetail(version, isCurrent, requests);
    }

    /// <summary>Saves <paramref name="text"/> and <paramref name="checkboxLabel"/> as the next version in <paramref name="culture"/>.</summary>
    public async Task<NoticeSaveOutcome> SaveAsync(string culture, string? text, string? checkboxLabel, ClaimsPrincipal actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ConsultationNoticeVersion.Validate(text, checkboxLabel) is { Count: > 0 } errors)
        {
            return new(NoticeSaveStatus.Invalid, errors);
        }

        var current = await db.ConsultationNoticeVersions.AsNoTracking()
            .Where(v => v.Culture == culture).OrderByDescending(v => v.Number).FirstOrDefaultAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var by = StaffUser.ShownNameOf(await users.GetUserAsync(actor), actor);
        var next = current is null
            ? ConsultationNoticeVersion.First(culture, text!, checkboxLabel!, now, by)
            : current.Next(text!, checkboxLabel!, now, by);
        if (next is null)
        {
            return new(NoticeSaveStatus.Unchanged, [], current);
        }

        db.ConsultationNoticeVersions.Add(next);
        audit.Add(actor, AuditActions.ConsultationNoticeChanged, $"{ContentLabels.Language(culture)}, version {next.Number}");
        // The consultation page shows the notice: its new wording is a publication for the advertising archive.
        archive.Queue(AdvertisedPageKind.Consultation, null, culture, actor, "Consultation notice changed");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            // Someone else's save took this version number first (Culture + Number is unique).
            db.ChangeTracker.Clear();
            return new(NoticeSaveStatus.Invalid,
                [new("", "Someone else saved a new version of this notice at the same moment, so yours was not saved. Your text is below: check the version now in force, then save again.")]);
        }

        archive.CaptureSoon();
        // Every page with the form (the consultation page, practice areas, articles) shows the new notice now.
        await pageCache.EvictAllAsync();
        return new(NoticeSaveStatus.Saved, [], next);
    }
}
