namespace PiriSite.Domain.Content;

/// <summary>
/// One language of the public site: its code (as stored on every content row and used as the address prefix),
/// the .NET culture that formats its dates and numbers, its own name for the language switcher, and its
/// Open Graph locale.
/// </summary>
public sealed record SiteLanguage(string Code, string CultureName, string NativeName, string OpenGraphLocale)
{
    public static readonly SiteLanguage English = new(SiteCulture.English, "en-US", "English", "en_US");
    public static readonly SiteLanguage Spanish = new(SiteCulture.Spanish, "es-US", "Español", "es_US");
    public static readonly SiteLanguage French = new(SiteCulture.French, "fr-FR", "Français", "fr_FR");

    public static IReadOnlyList<SiteLanguage> All { get; } = [English, Spanish, French];

    public bool IsEnglish => Code == SiteCulture.English;

    /// <summary>"" for English (today's addresses), "/es" and "/fr" for the others.</summary>
    public string PathPrefix => IsEnglish ? "" : "/" + Code;

    public static SiteLanguage Of(string? code) =>
        All.FirstOrDefault(l => l.Code == code) ?? English;

    /// <summary>The language of a .NET culture ("es-US", "es" → Spanish); English for any other.</summary>
    public static SiteLanguage FromCulture(System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var code = culture.TwoLetterISOLanguageName;
        return All.FirstOrDefault(l => l.Code == code) ?? English;
    }

    /// <summary>
    /// The language of the request being answered: the request-localization middleware sets the current culture
    /// from the address (PathRequestCultureProvider), so controllers, services and views read it here.
    /// </summary>
    public static SiteLanguage Current => FromCulture(System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>The language an address is in, from its first segment alone ("/es/..." is Spanish).</summary>
    public static SiteLanguage FromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            return English;
        }

        var end = path.IndexOf('/', 1);
        var first = end < 0 ? path[1..] : path[1..end];
        return All.FirstOrDefault(l => !l.IsEnglish && string.Equals(l.Code, first, StringComparison.OrdinalIgnoreCase)) ?? English;
    }
}
