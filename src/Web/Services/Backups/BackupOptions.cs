namespace PiriSite.Web.Services.Backups;

/// <summary>The <c>Backup</c> settings: the daily backup, off unless <see cref="Folder"/> is set.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    /// <summary>Where the daily backup is written (one new folder per backup); empty turns the daily backup off.</summary>
    public string? Folder { get; set; }

    /// <summary>How many of the newest backups in <see cref="Folder"/> are kept; older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>The hour of the firm's day (Central Time, 0–23) at which the daily backup is made.</summary>
    public int Hour { get; set; } = 3;
}
