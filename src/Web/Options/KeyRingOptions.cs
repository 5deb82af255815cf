namespace PiriSite.Web.Options;

/// <summary>How the data-protection key ring (which encrypts the two-factor secrets and signs cookies) is kept at rest.</summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with a private key; the key ring's keys are encrypted to it. Relative to the content root.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Set through the environment (DataProtection__CertificatePassword) or a secret store, never in a committed file.</summary>
    public string? CertificatePassword { get; set; }
}
