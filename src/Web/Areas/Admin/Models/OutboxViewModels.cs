using PiriSite.Domain.Messaging;
using PiriSite.Web.Services.Mail;

namespace PiriSite.Web.Areas.Admin.Models;

public sealed record OutboxIndexViewModel(OutboxOverview Overview, DateTime Now)
{
    public static string KindLabel(OutboxKind kind) => kind switch
    {
        OutboxKind.IntakeNotice => "Intake notice (to the firm)",
        OutboxKind.Acknowledgement => "Acknowledgement (to the person)",
        OutboxKind.FollowUpReminder => "Follow-up reminder (to staff)",
        _ => "Other",
    };

    public static string StateLabel(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Status switch
        {
            OutboxStatus.Failed => "Failed",
            _ when entry.Attempts > 0 => "Retrying",
            _ => "Waiting",
        };
    }

    public string NextAttemptLabel(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Status == OutboxStatus.Failed ? "None: the sender gave up"
            : entry.NextAttemptAt <= Now ? "Due now"
            : entry.NextAttemptAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
    }
}
