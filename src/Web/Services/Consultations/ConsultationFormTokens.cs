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

    /// <summary>
    /// "Shown now", sealed. Never backdated: a form shown again (after an error, or a post without a valid
    /// antiforgery token) keeps the token it came with, so its clock keeps running from the first showing, and a
    /// bot cannot get an old time by posting without a token first.
    /// </summary>
    public string IssueShownAtToken() =>
        _protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

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
