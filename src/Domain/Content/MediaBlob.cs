namespace PiriSite.Domain.Content;

/// <summary>
/// The bytes of one stored image file when the media library lives in the database (Media:Store = Database), so
/// every instance of the site behind a proxy serves what any of them stored: an original or one of its smaller
/// copies under the name it is served by ("3f9a…c1.jpg", "3f9a…c1-480.jpg"), or an image kept for a retry after a
/// form error ("pending/TOKEN", never served under /media).
/// </summary>
public class MediaBlob
{
    /// <summary>The prefix of the images kept for a retry, as their subfolder is named in Folder mode.</summary>
    public const string PendingPrefix = "pending/";

    public const int NameMaxLength = 80;

    public required string Name { get; set; }

    /// <summary>When the bytes were written (or, for a kept image, last touched): the Last-Modified served, and a kept image's age.</summary>
    public DateTime WrittenAt { get; set; }

    public required byte[] Bytes { get; set; }
}
