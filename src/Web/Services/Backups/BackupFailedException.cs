namespace PiriSite.Web.Services.Backups;

/// <summary>A backup or restore that could not be made, with a message that says why and what to do.</summary>
public sealed class BackupFailedException : Exception
{
    public BackupFailedException()
    {
    }

    public BackupFailedException(string message)
        : base(message)
    {
    }

    public BackupFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
