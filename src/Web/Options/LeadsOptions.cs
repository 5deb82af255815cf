namespace PiriSite.Web.Options;

public sealed class LeadsOptions
{
    public const string SectionName = "Leads";

    /// <summary>
    /// A New request older than this "needs a response" and is flagged on the dashboard; an urgent one (someone
    /// detained, a court date soon) needs one at once (<see cref="PiriSite.Domain.Consultations.LeadRules.NeedsResponse"/>).
    /// </summary>
    public int NeedsResponseHours { get; set; } = 24;

    /// <summary>Requests closed as Not retained or Spam are deleted this many days after they were closed.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>
    /// Open requests (New, Contacted, Consultation scheduled) are deleted after this many days with no activity: no
    /// status change, note, assignment or follow-up date, and no follow-up date still to come. The privacy page
    /// promises that requests that do not lead to representation are deleted; one abandoned in the pipeline is one.
    /// </summary>
    public int InactiveRetentionDays { get; set; } = 365;

    /// <summary>The dashboard lists the open requests that retention will delete within this many days.</summary>
    public int InactivityWarningDays { get; set; } = 14;

    /// <summary>How often the retention job runs.</summary>
    public int RetentionIntervalMinutes { get; set; } = 360;

    /// <summary>
    /// Each morning, email every member of staff who has open requests with a follow-up due that day or overdue: a
    /// list of references and links, no personal data (see FollowUpReminderJob). On unless turned off.
    /// </summary>
    public bool FollowUpReminders { get; set; } = true;

    /// <summary>The hour of the firm's day (Central Time, 0–23) at which the follow-up reminders are sent.</summary>
    public int FollowUpReminderHour { get; set; } = 7;

    public int PageSize { get; set; } = 50;

    /// <summary>A search lists at most this many matches, the newest (so a broad search stays fast).</summary>
    public int SearchCap { get; set; } = 1000;
}
