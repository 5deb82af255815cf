namespace PiriSite.Web.Areas.Admin.Models;

/// <summary>The image library: the upload form (with the alt text typed, when it is shown again) and the latest uploads.</summary>
public sealed record MediaIndexViewModel(IReadOnlyList<MediaItemViewModel> Files, string? AltText);

public sealed record MediaItemViewModel(int Id, string Url, string AltText, int Width, int Height, long SizeBytes, string Markdown)
{
    public static MediaItemViewModel From(MediaFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new(file.Id, file.Url, file.AltText, file.Width, file.Height, file.SizeBytes, file.Markdown);
    }
}
