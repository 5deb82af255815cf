namespace PiriSite.Domain.Content;

/// <summary>
/// The firm profile in one language as one save left it (its About, Disclaimer and Privacy pages included): who
/// saved it, when, every editable field, and which fields that save changed.
/// </summary>
public class FirmProfileRevision
{
    public long Id { get; private set; }

    public string Culture { get; private set; } = SiteCulture.English;

    /// <summary>1 for the first revision of the language's profile, then counting up.</summary>
    public int Number { get; private set; }

    public DateTime SavedAt { get; private set; }

    public string? SavedById { get; private set; }

    public string SavedByName { get; private set; } = "";

    /// <summary>What the save did: "Edited", "Original version", "Restored revision 3".</summary>
    public string Note { get; private set; } = "";

    /// <summary>Every editable field, as the editor shows it.</summary>
    public FirmProfileSubmission Fields { get; private set; } = new();

    /// <summary>The <see cref="FirmProfileField.Name"/>s this save changed against the revision before (none on a first one).</summary>
    public List<string> ChangedFields { get; private set; } = [];

    public static FirmProfileRevision Of(
        FirmProfile firm, int number, DateTime savedAt, string? savedById, string savedByName, string note, FirmProfileSubmission? previous)
    {
        ArgumentNullException.ThrowIfNull(firm);
        var fields = firm.ToSubmission();
        return new FirmProfileRevision
        {
            Culture = firm.Culture,
            Number = number,
            SavedAt = savedAt,
            SavedById = savedById,
            SavedByName = savedByName,
            Note = note,
            Fields = fields,
            ChangedFields = ChangesBetween(previous, fields),
        };
    }

    /// <summary>
    /// The names of the fields whose text differs between the two (none when there is no earlier one). Line endings
    /// do not count: a browser posts a text area's lines ending in CR LF, whatever they were stored with.
    /// </summary>
    public static List<string> ChangesBetween(FirmProfileSubmission? before, FirmProfileSubmission after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return before is null ? [] : FirmProfileFields.All
            .Where(f => !string.Equals(Lines(f.Value(before)), Lines(f.Value(after)), StringComparison.Ordinal))
            .Select(f => f.Name)
            .ToList();
    }

    private static string Lines(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
}
