using System.Text.RegularExpressions;

namespace PiriSite.Web.Services.Media;

/// <summary>The names a media store accepts: only those the site makes, so none can name a path outside the library.</summary>
public static partial class MediaStoreNames
{
    public static bool IsValid(string? name) => name is not null && Name().IsMatch(name);

    public static string Checked(string name) =>
        IsValid(name) ? name : throw new ArgumentException("Not a name the media library makes.", nameof(name));

    [GeneratedRegex("\\A(?:pending/)?[0-9a-f]{32}(?:-[1-9][0-9]{1,4})?(?:\\.(?:jpg|png|webp))?\\z")]
    private static partial Regex Name();
}
