using MimeKit;
using PiriSite.Domain.Messaging;
using PiriSite.Web.Services.Mail;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>
/// The text an outbox message carries. Delivery clears the stored body (privacy), and the outbox may deliver before a
/// test looks, so a sent message is read from its copy in the pickup folder instead.
/// </summary>
public static class OutboxText
{
    public static async Task<string> ReadAsync(SiteFactory factory, OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Status != OutboxStatus.Sent)
        {
            return message.TextBody;
        }

        var path = Path.Combine(factory.MailPickupDirectory, PickupDirectoryMailTransport.FileNameFor(message.MimeMessageId()));
        return (await MimeMessage.LoadAsync(path)).TextBody ?? "";
    }
}
