namespace PiriSite.Domain.Audit;

/// <summary>
/// One line of the audit log: who did what, when. Never a password, a code or a lead's details:
/// only what happened and to which account or page.
/// </summary>
public class AuditEntry
{
    public const int ActorMaxLength = 256;
    public const int ActionMaxLength = 60;
    public const int TargetMaxLength = 256;
    public const int DetailsMaxLength = 1000;

    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The account that acted; null for an anonymous attempt (a failed sign-in with an unknown email).</summary>
    public string? ActorId { get; set; }

    /// <summary>The name the actor gave or had, kept as it was at the time.</summary>
    public string ActorName { get; set; } = "";

    public required string Action { get; set; }

    public string? Target { get; set; }

    public string? Details { get; set; }

    public string? IpAddress { get; set; }
}

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    public const string SignedIn = "Signed in";
    public const string SignInFailed = "Sign-in failed";
    public const string LockedOut = "Locked out";
    public const string SignedOut = "Signed out";
    public const string TwoFactorEnabled = "Two-factor enabled";
    public const string TwoFactorFailed = "Two-factor code refused";
    public const string RecoveryCodeUsed = "Recovery code used";
    public const string RecoveryCodesRenewed = "Recovery codes renewed";
    public const string PasswordChanged = "Password changed";
    public const string AccountCreated = "Account created";
    public const string AccountDisabled = "Account disabled";
    public const string AccountEnabled = "Account enabled";
    public const string TwoFactorReset = "Two-factor reset";

    /// <summary>
    /// Someone opened a consultation request. Recorded because who read a person's file matters, but it is by far
    /// the most frequent line, so the log screen hides it unless asked.
    /// </summary>
    public const string ConsultationRequestViewed = "Consultation request viewed";

    /// <summary>The Attorney saved a new version of the consultation notice in one language.</summary>
    public const string ConsultationNoticeChanged = "Consultation notice changed";
}
