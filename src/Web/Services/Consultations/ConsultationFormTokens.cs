using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace PiriSite.Web.Services.Consultations;

/// <summary>
/// The form's "shown at" time, sealed with data protection so a bot cannot forge an old one. A form sent
/// faster than a person could fill it is quarantined as suspected spam.
/// </summary>
public sealed class ConsultationFormTokens(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("PiriSite.Consultation.FormShownAt");

    /// <param name="alreadySpent">Time the person has already spent on the form elsewhere (on a page shown before this one).</param>
    public string IssueShownAtToken(TimeSpan alreadySpent = default) =>
        _protector.Protect((clock.GetUtcNow() - alreadySpent).UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>When the form was shown, or null for a missing, tampered or unreadable token.</summary>
    public DateTime? ReadShownAt(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var ticks = long.Parse(_protector.Unprotect(token), CultureInfo.InvariantCulture);
            return new DateTime(ticks, DateTimeKind.Utc);
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return null;
        }
    }
}
