namespace PiriSite.Domain.Content;

/// <summary>The languages the site is written in. Every page row carries one of these codes.</summary>
public static class SiteCulture
{
    public const string English = "en";
    public const string Spanish = "es";
    public const string French = "fr";
    public const int MaxLength = 10;

    /// <summary>English first: it is the source every translation is made from, and the x-default.</summary>
    public static IReadOnlyList<string> Supported { get; } = [English, Spanish, French];

    public static bool IsSupported(string? culture) =>
        culture is not null && Supported.Contains(culture, StringComparer.Ordinal);
}
