namespace PiriSite.Web.Services.Advertising;

public sealed class AdvertisingOptions
{
    public const string SectionName = "Advertising";

    /// <summary>
    /// Archive every public page once when the archive has never started (on unless turned off). Only the tests turn
    /// it off: each of their sites would otherwise render the whole site in every language at start.
    /// </summary>
    public bool ArchiveSiteOnStart { get; set; } = true;
}
