namespace PiriSite.Domain.Search;

/// <summary>
/// A search term as a SQL LIKE pattern that finds it anywhere in a text. The wildcards % and _ are removed
/// from what was typed, so a search means the letters typed and never "everything"; so is the backslash,
/// PostgreSQL's LIKE escape character (SQLite has none), so a pattern means the same on both engines.
/// </summary>
public static class LikePattern
{
    /// <summary>The term without LIKE wildcards, escape character and surrounding space ("" when nothing is left).</summary>
    public static string Literal(string? term) =>
        (term ?? "").Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)
            .Replace("\\", "", StringComparison.Ordinal).Trim();

    /// <summary>"%term%", or null when nothing searchable was typed.</summary>
    public static string? Containing(string? term) => Literal(term) is { Length: > 0 } literal ? $"%{literal}%" : null;
}
