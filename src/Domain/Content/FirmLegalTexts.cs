using System.Diagnostics.CodeAnalysis;

namespace PiriSite.Domain.Content;

/// <summary>
/// The three texts the advertising rules want on every public page, in the page's language: the attorney advertising
/// notice, the responsible attorney and the city of the principal office.
/// </summary>
public sealed record FirmLegalTexts(string AdvertisingDisclaimer, string AttorneyName, string PrincipalOfficeCity);

/// <summary>A public page's firm profile, and which of its texts had to be taken from the built-in fallback (none: the profile was whole).</summary>
public sealed record FirmProfileChoice(FirmProfile Profile, IReadOnlyList<string> Missing);

/// <summary>
/// Every public page shows the firm's legal texts, even when the profile is missing or damaged: what is missing is
/// taken from a built-in fallback in the page's language, so a page is never published without them.
/// </summary>
public static class FirmProfileFallback
{
    /// <summary>The firm's name when no profile at all could be read.</summary>
    public const string FirmName = "The Piri Law Firm";

    /// <summary>Stands in <see cref="FirmProfileChoice.Missing"/> for a language that has no profile.</summary>
    public const string NoProfile = "its row";

    /// <summary>True when the profile has all three texts: the page shows it as it is, with nothing to fill in.</summary>
    public static bool IsWhole([NotNullWhen(true)] FirmProfile? profile) =>
        profile is not null && !string.IsNullOrWhiteSpace(profile.AdvertisingDisclaimer)
        && !string.IsNullOrWhiteSpace(profile.AttorneyName) && !string.IsNullOrWhiteSpace(profile.PrincipalOfficeCity);

    /// <summary>
    /// The profile a page in <paramref name="culture"/> shows: its own; else the English one (for the firm's name
    /// and phone) with the legal texts from <paramref name="fallback"/>, since they must be in the page's language;
    /// else a profile of the fallback texts alone. Any of the three texts left blank is taken from the fallback too.
    /// The profiles passed in are never changed: a copy is made when something is filled in.
    /// </summary>
    public static FirmProfileChoice Choose(FirmProfile? own, FirmProfile? english, string culture, FirmLegalTexts fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        var missing = new List<string>();
        if (own is null)
        {
            missing.Add(NoProfile);
        }

        var firm = own ?? english?.Copy() ?? new FirmProfile { FirmName = FirmName, AttorneyName = "", Phone = "" };
        var blank = own is null ? (Func<string?, bool>)(_ => true) : string.IsNullOrWhiteSpace;
        var texts = new (string Field, string Value, string Fallback, Action<FirmProfile, string> Set)[]
        {
            (nameof(FirmProfile.AdvertisingDisclaimer), firm.AdvertisingDisclaimer, fallback.AdvertisingDisclaimer, (f, v) => f.AdvertisingDisclaimer = v),
            (nameof(FirmProfile.AttorneyName), firm.AttorneyName, fallback.AttorneyName, (f, v) => f.AttorneyName = v),
            (nameof(FirmProfile.PrincipalOfficeCity), firm.PrincipalOfficeCity, fallback.PrincipalOfficeCity, (f, v) => f.PrincipalOfficeCity = v),
        };
        foreach (var text in texts.Where(t => blank(t.Value)))
        {
            if (ReferenceEquals(firm, own))
            {
                firm = own.Copy();
            }

            text.Set(firm, text.Fallback);
            if (own is not null)
            {
                missing.Add(text.Field);
            }
        }

        if (own is null)
        {
            firm.Culture = culture;
        }

        return new FirmProfileChoice(firm, missing);
    }
}
