using MimeKit;

namespace PiriSite.Web.Services.Mail;

/// <summary>Writes each message as an .eml file: the embedded default when no SMTP server is configured.</summary>
public sealed class PickupDirectoryMailTransport(string directory) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(directory);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(directory, name + ".tmp");

        // Write then rename, so a reader never sees half a message.
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(directory, name));
    }
}
