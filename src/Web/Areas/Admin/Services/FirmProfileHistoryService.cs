namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>One revision of a language's firm profile in its history; <see cref="Changed"/> in words ("About page, Phone").</summary>
public sealed record FirmProfileRevisionSummary(int Number, DateTime SavedAt, string SavedBy, string Note, string Changed);

/// <summary>A long text of the profile (a page, the offer) compared paragraph by paragraph.</summary>
public sealed record PageChange(string Field, IReadOnlyList<DiffParagraph> Paragraphs)
{
    public int Count => Paragraphs.Count(p => p.IsChange);
}

/// <summary>
/// Revision <see cref="To"/> of the profile in <see cref="Culture"/> against revision <see cref="From"/> (0: none):
/// the short fields before and after, the long ones paragraph by paragraph, and the labels of those unchanged.
/// </summary>
public sealed record FirmProfileComparison(
    string Culture, FirmProfileRevisionSummary To, int From, int Latest,
    IReadOnlyList<FieldChange> Fields, IReadOnlyList<PageChange> Pages, IReadOnlyList<string> Unchanged)
{
    public int ChangeCount => Fields.Count + Pages.Sum(p => p.Count);
}

/// <summary>What restoring a revision will do: which fields it changes back, against the profile at <see cref="Version"/>.</summary>
public sealed record FirmProfileRestorePlan(string Culture, FirmProfileRevisionSummary Revision, int Latest, int Version, string Changes);

/// <summary>The history of each language's firm profile: its revisions, what one changed, and what a restore would do.</summary>
public sealed class FirmProfileHistoryService(SiteDbContext db)
{
    /// <summary>Newest first; null when there is no profile in <paramref name="culture"/>.</summary>
    public async Task<IReadOnlyList<FirmProfileRevisionSummary>?> HistoryAsync(string culture)
    {
        if (!await db.FirmProfiles.AnyAsync(f => f.Culture == culture))
        {
            return null;
        }

        var revisions = await db.FirmProfileRevisions.AsNoTracking()
            .Where(r => r.Culture == culture).OrderByDescending(r => r.Number).ToListAsync();
        return revisions.Select(Summary).ToList();
    }

    /// <summary>Revision <paramref name="number"/> against <paramref name="with"/> (by default the one before it).</summary>
    public async Task<FirmProfileComparison?> CompareAsync(string culture, int number, int? with)
    {
        var fromNumber = with ?? number - 1;
        var revisions = db.FirmProfileRevisions.AsNoTracking().Where(r => r.Culture == culture);
        var pair = await revisions.Where(r => r.Number == number || r.Number == fromNumber).ToListAsync();
        if (pair.SingleOrDefault(r => r.Number == number) is not { } to)
        {
            return null;
        }

        var from = pair.SingleOrDefault(r => r.Number == fromNumber && r.Number != number);
        var before = from?.Fields ?? new FirmProfileSubmission();
        var changed = FirmProfileRevision.ChangesBetween(before, to.Fields).ToHashSet(StringComparer.Ordinal);
        var fields = FirmProfileFields.All.Where(f => changed.Contains(f.Name)).ToList();
        return new FirmProfileComparison(
            culture, Summary(to), from?.Number ?? 0, await revisions.MaxAsync(r => r.Number),
            fields.Where(f => !f.IsPage).Select(f => ContentDiff.CompareField(f.Label, f.Value(before), f.Value(to.Fields))).ToList(),
            fields.Where(f => f.IsPage).Select(f => new PageChange(f.Label, ContentDiff.CompareParagraphs(f.Value(before), f.Value(to.Fields)))).ToList(),
            FirmProfileFields.All.Where(f => !changed.Contains(f.Name)).Select(f => f.Label).ToList());
    }

    /// <summary>What restoring revision <paramref name="number"/> would change; null when the profile or the revision is missing.</summary>
    public async Task<FirmProfileRestorePlan?> RestorePlanAsync(string culture, int number)
    {
        var firm = await db.FirmProfiles.AsNoTracking().SingleOrDefaultAsync(f => f.Culture == culture);
        var revisions = db.FirmProfileRevisions.AsNoTracking().Where(r => r.Culture == culture);
        if (firm is null || await revisions.SingleOrDefaultAsync(r => r.Number == number) is not { } revision)
        {
            return null;
        }

        var changes = FirmProfileFields.Labels(FirmProfileRevision.ChangesBetween(firm.ToSubmission(), revision.Fields));
        return new FirmProfileRestorePlan(culture, Summary(revision), await revisions.MaxAsync(r => r.Number), firm.Version, changes);
    }

    private static FirmProfileRevisionSummary Summary(FirmProfileRevision r) => new(
        r.Number, r.SavedAt, r.SavedByName, r.Note,
        r.ChangedFields.Count > 0 ? FirmProfileFields.Labels(r.ChangedFields) : r.Number == 1 ? "The profile as it was before its history began" : "No fields changed");
}
