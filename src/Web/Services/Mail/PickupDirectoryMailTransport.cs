using MimeKit;

namespace PiriSite.Web.Services.Mail;

/// <summary>
/// Writes each message as an .eml file: the embedded default when no SMTP server is configured. A file is named
/// after its Message-Id (for the outbox, <c>outbox-{row id}-{created}.eml</c>), so a message about a consultation
/// request can be found again and deleted with the request, and a retried send replaces its file instead of
/// adding a second copy.
/// </summary>
public sealed class PickupDirectoryMailTransport(string directory) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(directory);
        var name = FileNameFor(message.MessageId);
        var temporary = Path.Combine(directory, name + ".tmp");

        // Write then rename, so a reader never sees half a message.
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(directory, name), overwrite: true);
    }

    public void Forget(string messageId) => Delete(directory, [messageId]);

    /// <summary>The folder the files go to, as configured (relative to the app's content root).</summary>
    public static string DirectoryFor(MailOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Path.GetFullPath(Path.Combine(contentRoot, options.PickupDirectory));
    }

    /// <summary>The file a message with this Message-Id is written to: its part before the @, in safe characters.</summary>
    public static string FileNameFor(string? messageId)
    {
        var local = string.IsNullOrEmpty(messageId) ? Guid.NewGuid().ToString("N") : messageId.Split('@')[0];
        return new string(local.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray()) + ".eml";
    }

    /// <summary>Deletes the files of these messages, if they were written here; returns how many it deleted.</summary>
    public static int Delete(string directory, IEnumerable<string> messageIds)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var deleted = 0;
        foreach (var messageId in messageIds)
        {
            // The .tmp is what a write cut short by a crash would have left.
            var path = Path.Combine(directory, FileNameFor(messageId));
            foreach (var file in new[] { path, path + ".tmp" }.Where(File.Exists))
            {
                File.Delete(file);
                deleted++;
            }
        }

        return deleted;
    }
}
