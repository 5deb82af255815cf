namespace PiriSite.Data.Identity;

/// <summary>
/// The unattended creation of the first Attorney account (as Umbraco's unattended install does): when no staff
/// account exists yet and the email and a password are set, <see cref="FirstAttorneyBootstrap"/> creates one at start
/// (and refuses to start on a password the policy rejects). Nothing is created otherwise, and no default account or
/// password exists anywhere.
/// </summary>
public sealed class AdminBootstrapOptions
{
    public const string SectionName = "Admin";

    public string? Email { get; set; }

    /// <summary>The attorney's name as staff screens show it; without it, the firm profile's attorney.</summary>
    public string? Name { get; set; }

    /// <summary>Set through the environment (Admin__Password) or a secret store, never in a committed file.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// A file holding the password (its final line break ignored), e.g. a Docker secret at /run/secrets/NAME: the
    /// password then never appears in the environment. Admin:Password wins when both are set.
    /// </summary>
    public string? PasswordFile { get; set; }
}
