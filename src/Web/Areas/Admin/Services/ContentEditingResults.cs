namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// How a save ended. Not saved: <see cref="Stored"/> is the item as it is stored (null for a new one), for the
/// editor shown again with the text as typed.
/// </summary>
public sealed record SaveOutcome(int? Id, IReadOnlyDictionary<string, string> Errors, string? Conflict, string? Slug = null, StoredContent? Stored = null)
{
    /// <summary>The item to save is not there (never was, or was removed from the database).</summary>
    public static SaveOutcome NotFound { get; } = new(null, new Dictionary<string, string>(), null) { ItemMissing = true };

    public bool Saved => Id is not null;

    public bool ItemMissing { get; private init; }

    /// <summary>The saved item's language, for its public address.</summary>
    public string Culture { get; init; } = SiteCulture.English;

    public static SaveOutcome Invalid(IReadOnlyDictionary<string, string> errors, StoredContent? stored = null) => new(null, errors, null, Stored: stored);
}

public enum ReviewOutcome
{
    Reviewed,
    NotFound,
    ChangedSinceOpened,
}
