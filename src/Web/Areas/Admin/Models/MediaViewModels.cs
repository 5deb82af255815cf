using System.Globalization;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Services.Media;

namespace PiriSite.Web.Areas.Admin.Models;

/// <summary>
/// The image library: the upload form (with the alt text typed and the image kept, when it is shown again after an
/// error) and one page of the uploads, newest first, those a search found.
/// </summary>
public sealed record MediaIndexViewModel(ListPage<MediaItemViewModel> List, string? AltText, KeptImage? Kept = null)
{
    public IReadOnlyList<MediaItemViewModel> Files => List.Rows;

    /// <summary>The search typed (by alt text or file name), kept in the page links.</summary>
    public string? Query { get; init; }

    public string Address(int page) => ListPagerViewModel.Address("/admin/media", page, ("q", Query));

    public ListPagerViewModel Pager => ListPagerViewModel.For("Pages of images", List, Address);

    public static string Size(long bytes) =>
        bytes >= 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:N1} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024.0):N0} KB");
}

public sealed record MediaItemViewModel(int Id, string Url, string AltText, int Width, int Height, long SizeBytes, string Markdown, DateTime UploadedAt, string UploadedBy)
{
    /// <summary>"Nov 3, 2026", the firm's day.</summary>
    public string UploadedOn => FirmTimeZone.ToFirmTime(UploadedAt).ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    public static MediaItemViewModel From(MediaFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new(file.Id, file.Url, file.AltText, file.Width, file.Height, file.SizeBytes, file.Markdown, file.UploadedAt, file.UploadedBy);
    }
}
