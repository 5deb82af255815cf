using System.Globalization;
using System.Security.Claims;
using PiriSite.Domain.Advertising;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// One State Bar filing recorded for several changes at once: a firm often files its whole website, or a day's
/// changes, under one reference. All or nothing: every ticked change is marked filed, each with its audit entry, in
/// one transaction, or none is (a refused date or reference, or a change someone else marked meanwhile).
/// </summary>
public sealed class AdvertisingBulkFiling(SiteDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string IdsField = "Ids";
    public const string DateField = "BulkFiledOn";
    public const string ReferenceField = "BulkReference";

    private const string ChangedMeanwhile = "Some of the ticked changes are no longer waiting to be filed (someone recorded them meanwhile), so nothing was saved. The list below is up to date: tick again.";

    public async Task<FilingOutcome> RecordFiledAsync(IReadOnlyCollection<long> ids, DateOnly? filedOn, string? reference, ClaimsPrincipal actor)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new List<FieldError>();
        if (ids.Count == 0)
        {
            errors.Add(new(IdsField, "Tick the changes this filing covers."));
        }

        if (filedOn is null)
        {
            errors.Add(new(DateField, "Enter the date it was filed."));
        }

        if (string.IsNullOrWhiteSpace(reference))
        {
            errors.Add(new(ReferenceField, "Enter the filing reference the State Bar gave you."));
        }

        if (errors.Count > 0)
        {
            return new(FilingStatus.Invalid, errors);
        }

        // On SQLite the transaction takes the write lock at once: no other record lands between the check and the save.
        // On PostgreSQL one can; the filing record's concurrency token then refuses this save.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var wanted = ids.Distinct().ToList();
        var snapshots = await db.AdvertisingSnapshots
            .Where(s => wanted.Contains(s.Id) && s.FilingState == AdvertisingFilingState.NeedsFiling)
            .ToListAsync();
        if (snapshots.Count != wanted.Count)
        {
            return new(FilingStatus.Conflict, [new(IdsField, ChangedMeanwhile)]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(now));
        var by = actor.Identity?.Name ?? "";
        foreach (var snapshot in snapshots)
        {
            // The domain keys its errors by the snapshot's fields; this form's fields have names of their own.
            errors.AddRange(snapshot.MarkFiled(filedOn!.Value, reference, today, now, by)
                .Select(e => e with { Field = e.Field == nameof(AdvertisingSnapshot.FilingReference) ? ReferenceField : DateField }));
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new(FilingStatus.Invalid, errors.Distinct().ToList());
        }

        var details = $"Filed on {filedOn!.Value.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}, reference {reference!.Trim()} (one filing for {snapshots.Count} changes)";
        snapshots.ForEach(s => audit.Add(actor, AdvertisingArchiveService.FiledAction, AdvertisingArchiveService.Target(s.Id), details));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // PostgreSQL: another filing of one of them was saved after this check; the whole filing is refused.
            return new(FilingStatus.Conflict, [new(IdsField, ChangedMeanwhile)]);
        }

        await transaction.CommitAsync();
        return new(FilingStatus.Saved, []);
    }
}
