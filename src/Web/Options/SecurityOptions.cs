namespace PiriSite.Web.Options;

public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Every staff account must set up an authenticator app at first sign-in. Turning this off is honoured
    /// in the Development environment only; anywhere else the requirement stays on.
    /// </summary>
    public bool RequireTwoFactor { get; set; } = true;

    public SignInRateLimitSettings SignInRateLimit { get; set; } = new();

    public sealed class SignInRateLimitSettings
    {
        /// <summary>Sign-in posts one client address may make per window (on top of the per-account lockout).</summary>
        public int PermitLimit { get; set; } = 10;

        public int WindowSeconds { get; set; } = 300;
    }
}
