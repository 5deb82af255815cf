using System.Text;
using QRCoder;

namespace PiriSite.Web.Security;

/// <summary>
/// What a person needs to add the site to an authenticator app: the key to type (grouped for reading, and as it is
/// for copying), the same key as a QR code to scan from another device, and the otpauth:// address the QR code
/// holds, which a phone opens in its authenticator app (a QR code cannot be scanned by the phone showing it).
/// </summary>
public sealed record AuthenticatorSetup(string SharedKey, string QrCodeSvg, string Key, string AuthenticatorUri)
{
    public static AuthenticatorSetup For(string email, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var issuer = Uri.EscapeDataString("PiriSite");
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(email)}?secret={key}&issuer={issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new AuthenticatorSetup(FormatKey(key), new SvgQRCode(data).GetGraphic(5), key, uri);
    }

    // Groups of four are easier to type into an app by hand.
    private static string FormatKey(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

#pragma warning disable CA1308 // Authenticator apps accept either case; lower case reads more easily.
        return builder.ToString().TrimEnd().ToLowerInvariant();
#pragma warning restore CA1308
    }
}
