namespace PiriSite.Domain.Accounts;

/// <summary>
/// Password rules after NIST SP 800-63B and OWASP ASVS: long enough, not absurdly long, no composition rules
/// (no "one digit and one symbol"), and not one of the passwords attackers try first.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;
}
