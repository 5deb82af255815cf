namespace PiriSite.Domain.Content;

/// <summary>The languages content can be written in. Every page row carries one of these codes.</summary>
public static class SiteCulture
{
    public const string English = "en";
    public const int MaxLength = 10;

    // Spanish and French join this list when their translations are added.
    public static IReadOnlyList<string> Supported { get; } = [English];

    public static bool IsSupported(string? culture) =>
        culture is not null && Supported.Contains(culture, StringComparer.Ordinal);
}
