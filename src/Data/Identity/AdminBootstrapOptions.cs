namespace PiriSite.Data.Identity;

/// <summary>
/// The unattended creation of the first Attorney account (as Umbraco's unattended install does): when no
/// Attorney exists yet and both values are set, the initialiser creates one. Nothing is created otherwise,
/// and no default account or password exists anywhere.
/// </summary>
public sealed class AdminBootstrapOptions
{
    public const string SectionName = "Admin";

    public string? Email { get; set; }

    /// <summary>The attorney's name as staff screens show it; without it, the firm profile's attorney.</summary>
    public string? Name { get; set; }

    /// <summary>Set through the environment (Admin__Password) or a secret store, never in a committed file.</summary>
    public string? Password { get; set; }
}
