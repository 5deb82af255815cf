namespace PiriSite.Web.Services.Media;

/// <summary>
/// The folder uploaded images are stored in (<see cref="SiteOptions.MediaPath"/>, relative to the content root),
/// resolved once: the store with Media:Store = Folder (<see cref="FolderMediaStore"/>), and what a switch to Database
/// imports (<see cref="MediaStoreSwitch"/>). Everything reads it here, so nothing can disagree.
/// </summary>
public sealed class MediaFolder(IOptions<SiteOptions> options, IWebHostEnvironment environment)
{
    public string Path { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, options.Value.MediaPath));

    /// <summary>The full path of a stored file; <paramref name="name"/> must be one the site made (no folders in it).</summary>
    public string PathOf(string name) => System.IO.Path.Combine(Path, name);
}
