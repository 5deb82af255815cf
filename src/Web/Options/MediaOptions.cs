namespace PiriSite.Web.Options;

/// <summary>Where the media library keeps its images' bytes (their rows are always in the database).</summary>
public enum MediaStoreKind
{
    /// <summary>Files in Site:MediaPath: one instance of the site (the default, as before).</summary>
    Folder,

    /// <summary>
    /// Rows of the MediaBlobs table, so every instance behind a proxy serves what any of them stored. Images
    /// already in Site:MediaPath are copied in at start (see <see cref="Services.Media.MediaStoreSwitch"/>).
    /// </summary>
    Database,
}

public sealed class MediaOptions
{
    public const string SectionName = "Media";

    public MediaStoreKind Store { get; set; } = MediaStoreKind.Folder;
}
