namespace PiriSite.Data;

/// <summary>
/// Where earlier versions kept the data-protection key ring as files (Site:DataProtectionKeysPath). The
/// initialiser copies those keys into the database once, so cookies and two-factor secrets made with them
/// still open; the folder is not written again.
/// </summary>
public sealed class FileKeyImportOptions
{
    public string? Folder { get; set; }
}
