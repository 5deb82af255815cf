using System.Globalization;
using System.Text;

namespace PiriSite.Domain.Messaging;

/// <summary>
/// One key per mailbox, for counting what the site sends to it: spellings that reach the same person count as
/// one. Used only to compare, never to send (the message goes to the address as typed).
/// </summary>
public static class RecipientKey
{
    /// <summary>
    /// The address lowercased, with its domain in IDNA form (so "ＥXAMPLE.com" and "example.com" are one),
    /// without a "+tag" (most providers deliver name+x@ to name@), and for Gmail without dots in the name.
    /// </summary>
    public static string For(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var trimmed = address.Trim().Normalize(NormalizationForm.FormKC);
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1)
        {
            return trimmed.ToLowerInvariant();
        }

        var local = trimmed[..at].ToLowerInvariant();
        var domain = AsciiDomain(trimmed[(at + 1)..].TrimEnd('.'));

        var tag = local.IndexOf('+', StringComparison.Ordinal);
        if (tag > 0)
        {
            local = local[..tag];
        }

        if (domain is "gmail.com" or "googlemail.com")
        {
            local = local.Replace(".", "", StringComparison.Ordinal);
            domain = "gmail.com";
        }

        return $"{local}@{domain}";
    }

    private static string AsciiDomain(string domain)
    {
        try
        {
            return new IdnMapping().GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return domain.ToLowerInvariant(); // not a valid domain name: compared as it is
        }
    }
}
