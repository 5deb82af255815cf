namespace PiriSite.Web.Options;

public sealed class LeadsOptions
{
    public const string SectionName = "Leads";

    /// <summary>A New request older than this "needs a response" and is flagged on the dashboard.</summary>
    public int NeedsResponseHours { get; set; } = 24;

    /// <summary>Requests closed as Not retained or Spam are deleted this many days after they were closed.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the retention job runs.</summary>
    public int RetentionIntervalMinutes { get; set; } = 360;

    public int PageSize { get; set; } = 50;

    /// <summary>A search lists at most this many matches, the newest (so a broad search stays fast).</summary>
    public int SearchCap { get; set; } = 1000;
}
