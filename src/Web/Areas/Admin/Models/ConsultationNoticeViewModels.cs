using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Models;

/// <summary>The notice editor's fields, as typed (kept whole when the save is refused).</summary>
public sealed class ConsultationNoticeForm
{
    public string? Text { get; set; }

    public string? CheckboxLabel { get; set; }

    /// <summary>The version in force, to edit from; empty for a language without one.</summary>
    public static ConsultationNoticeForm Of(ConsultationNoticeVersion? current) =>
        new() { Text = current?.Text, CheckboxLabel = current?.CheckboxLabel };
}

/// <summary>One language's notice page: the version in force, its editor and every version.</summary>
public sealed record ConsultationNoticePageViewModel(NoticeHistory History, ConsultationNoticeForm Form)
{
    public string Culture => History.Culture;

    /// <summary>/admin/consultation-notice for English, ?culture=es and ?culture=fr for the others.</summary>
    public static string PathFor(string culture) =>
        culture == SiteCulture.English ? "/admin/consultation-notice" : $"/admin/consultation-notice?culture={culture}";

    /// <summary>Where one version is read.</summary>
    public static string PathForVersion(int id) => $"/admin/consultation-notice/{id}";
}

/// <summary>One version, word for word as the form showed it.</summary>
public sealed record ConsultationNoticeVersionViewModel(ConsultationNoticeVersion Version, bool IsCurrent, int RequestCount)
{
    public static ConsultationNoticeVersionViewModel Of(NoticeVersionDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return new(detail.Version, detail.IsCurrent, detail.RequestCount);
    }
}
