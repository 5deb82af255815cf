using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Services.Mail;

namespace PiriSite.Web.Areas.Admin.Models;

public sealed record ChartBar(string Label, int Value);

/// <summary>
/// The dashboard: the requests' figures (with the open ones retention will soon delete) and their charts, and the
/// work that keeps the three languages in step.
/// </summary>
public sealed record DashboardViewModel(
    LeadStatistics Leads,
    int NeedsResponseHours,
    IReadOnlyList<ChartBar> ByPracticeArea,
    IReadOnlyList<ChartBar> ByStatus)
{
    /// <summary>Intake notices that failed or have waited too long to leave; null when mail is flowing.</summary>
    public IntakeMailAlert? MailAlert { get; init; }

    /// <summary>The translations to write, bring in line with the English, or have the attorney review.</summary>
    public TranslationWork Translations { get; init; } = new([], [], []);

    /// <summary>The articles overdue for the attorney's review, and those due soon.</summary>
    public ReviewWork Reviews { get; init; } = ReviewWork.None;

    /// <summary>Advertising snapshots still to file, oldest deadline first; null for staff, who do no filing.</summary>
    public AdvertisingToFile? AdvertisingToFile { get; init; }

    /// <summary>
    /// How many tasks each translation list shows (its count says how many there are): with thousands of pages, every
    /// missing translation listed would make the dashboard megabytes long.
    /// </summary>
    public const int TranslationTasksShown = 12;

    /// <summary>A translation task's editor: the translation's own, or (when it is missing) the English page's, where it is added.</summary>
    public static string EditorPath(TranslationTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var section = task.Kind == ContentKind.Article ? "/admin/articles" : "/admin/practice-areas";
        return task.State is null ? $"{section}/{task.EditId}/edit#translations" : $"{section}/{task.EditId}/edit";
    }
}
