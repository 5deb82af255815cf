using MimeKit;

namespace PiriSite.Web.Services.Mail;

/// <summary>Delivers one message, or throws so that the outbox retries it later.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
