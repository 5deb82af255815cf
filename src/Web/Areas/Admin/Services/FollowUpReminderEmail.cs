using System.Globalization;
using System.Text;
using PiriSite.Domain.Messaging;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>One request in a reminder: its reference and the day its follow-up was set for.</summary>
public sealed record DueFollowUp(string Reference, DateOnly DueOn);

/// <summary>
/// The morning email to one member of staff listing their follow-ups due today or overdue. Email travels through
/// servers the firm does not control and sits in phones' notification screens, so it names requests by reference
/// only, each with a link into the admin area (sign-in required): no names, descriptions or phone numbers.
/// </summary>
public static class FollowUpReminderEmail
{
    /// <summary>The outbox key that makes the reminder one per member of staff per firm day.</summary>
    public static string DedupeKey(string staffId, DateOnly firmDay) =>
        string.Create(CultureInfo.InvariantCulture, $"follow-up-reminder:{staffId}:{firmDay:yyyy-MM-dd}");

    public static OutboxMessage Create(string to, string staffId, DateOnly firmDay, IReadOnlyList<DueFollowUp> due, string publicOrigin, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(due);
        var ordered = due.OrderBy(d => d.DueOn).ThenBy(d => d.Reference, StringComparer.Ordinal).ToList();
        var overdue = ordered.Count(d => d.DueOn < firmDay);

        var body = new StringBuilder()
            .AppendLine("Hello,")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"You have {Count(ordered.Count)} due by today, {On(firmDay)}{(overdue > 0 ? $" ({overdue} overdue)" : "")}:")
            .AppendLine();
        foreach (var item in ordered)
        {
            var when = item.DueOn < firmDay ? $"OVERDUE, was due {On(item.DueOn)}" : "due today";
            body.AppendLine(CultureInfo.InvariantCulture, $"{item.Reference}  {when}")
                .AppendLine(CultureInfo.InvariantCulture, $"  {publicOrigin}/admin/leads/{item.Reference}")
                .AppendLine();
        }

        body.AppendLine("Each link opens the request in the admin area (sign-in required). Names, contact details and")
            .AppendLine("descriptions are there only, never in this email.")
            .AppendLine()
            .AppendLine("You receive this email on mornings when you have follow-ups due.");

        var subject = overdue == 0 ? $"{Count(ordered.Count)} due today"
            : overdue == ordered.Count ? $"{Count(ordered.Count)} overdue"
            : $"{Count(ordered.Count)} due ({overdue} overdue)";

        return new OutboxMessage
        {
            Kind = OutboxKind.FollowUpReminder,
            DedupeKey = DedupeKey(staffId, firmDay),
            To = to,
            Subject = subject,
            TextBody = body.ToString(),
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    private static string Count(int count) => count == 1 ? "1 follow-up" : $"{count} follow-ups";

    private static string On(DateOnly day) => day.ToString("dddd, MMMM d", CultureInfo.InvariantCulture);
}
