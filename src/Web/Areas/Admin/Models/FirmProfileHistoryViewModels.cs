using System.Globalization;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Models;

/// <summary>The addresses of a language's profile history: /admin/firm/revisions, then ?culture=es for the translations.</summary>
public static class FirmProfilePaths
{
    public static string History(string culture, string? rest = null, int? with = null)
    {
        var query = new List<string>();
        if (culture != SiteCulture.English)
        {
            query.Add($"culture={culture}");
        }

        if (with is { } number)
        {
            query.Add($"with={number.ToString(CultureInfo.InvariantCulture)}");
        }

        return $"/admin/firm/revisions{rest}" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    public static string Revision(string culture, int number, int? with = null) => History(culture, $"/{number}", with);

    public static string Restore(string culture, int number) => History(culture, $"/{number}/restore");
}

/// <summary>The history of the profile in one language, newest first.</summary>
public sealed record FirmProfileHistoryScreen(string Culture, IReadOnlyList<FirmProfileRevisionSummary> Revisions)
{
    public string Language => ContentLabels.Language(Culture);
}

public sealed record FirmProfileCompareScreen(FirmProfileComparison Comparison)
{
    public string Language => ContentLabels.Language(Comparison.Culture);
}

public static class FirmProfileConfirmations
{
    public static ConfirmationScreen Restore(FirmProfileRestorePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var revision = plan.Revision;
        var language = ContentLabels.Language(plan.Culture);
        var saved = revision.Note == "Original version" ? "the original version, from the site's set-up"
            : $"saved {FirmTimeZone.ToFirmTime(revision.SavedAt).ToString("MMM d, yyyy", CultureInfo.InvariantCulture)} by {revision.SavedBy}";
        return new ConfirmationScreen(
            $"Restore revision {revision.Number} of the {language} firm profile?",
            [
                plan.Changes.Length > 0
                    ? $"Revision {revision.Number} ({saved}) replaces what differs from it today: {plan.Changes}."
                    : $"Revision {revision.Number} ({saved}) is the same as the current profile: it is saved again unchanged.",
                $"The current profile stays in the history as revision {plan.Latest}; the restored one is saved as revision {plan.Latest + 1}.",
                $"Every {language} page shows it at once, and the firm's pages are archived again for the advertising records.",
            ],
            FirmProfilePaths.Restore(plan.Culture, revision.Number),
            [new("version", plan.Version.ToString(CultureInfo.InvariantCulture))],
            $"Restore revision {revision.Number}",
            FirmProfilePaths.History(plan.Culture),
            "Keep the current profile")
        {
            Danger = false,
        };
    }
}
