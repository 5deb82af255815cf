using MimeKit;

namespace PiriSite.Web.Services.Mail;

/// <summary>Delivers one message, or throws so that the outbox retries it later.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Removes any copy this transport keeps of a message it delivered (the pickup folder's file), for a message whose
    /// request was deleted while it was being sent.
    /// </summary>
    void Forget(string messageId);
}
