using System.Globalization;
using PiriSite.Web.Security;

namespace PiriSite.Web.ViewModels;

public sealed class LoginViewModel
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorCodeViewModel
{
    public string? Code { get; set; }
    public string? ReturnUrl { get; set; }
    public bool UseRecoveryCode { get; set; }
}

/// <summary>Setting up an authenticator: the first one, or a replacement (whose key is shown once, then never again).</summary>
public sealed class TwoFactorSetupViewModel
{
    /// <summary>The key in groups of four, to read and type.</summary>
    public string SharedKey { get; set; } = "";

    /// <summary>The key as it is, for the copy button.</summary>
    public string Key { get; set; } = "";

    public string QrCodeSvg { get; set; } = "";

    /// <summary>The otpauth:// address the QR code holds, as a link for the phone that shows it.</summary>
    public string AuthenticatorUri { get; set; } = "";

    public string? Code { get; set; }
    public bool Replacing { get; set; }

    public static TwoFactorSetupViewModel Showing(AuthenticatorSetup setup, bool replacing)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new()
        {
            SharedKey = setup.SharedKey, Key = setup.Key, QrCodeSvg = setup.QrCodeSvg, AuthenticatorUri = setup.AuthenticatorUri, Replacing = replacing,
        };
    }
}

/// <summary>Two-factor sign-in is on: no key is shown, only what can be done with the password.</summary>
public sealed class TwoFactorManageViewModel
{
    public int RecoveryCodesLeft { get; set; }
}

/// <summary>The current password, asked again before a two-factor secret is replaced. Never shown back.</summary>
public sealed class PasswordConfirmationViewModel
{
    public string? CurrentPassword { get; set; }
}

/// <summary>
/// Recovery codes, shown once: on the page, and as a text file to download from a data: address, so that saving
/// them needs no JavaScript and the server never keeps them (it stores only their hashes).
/// </summary>
public sealed record RecoveryCodesViewModel(IReadOnlyList<string> Codes)
{
    public const string FileName = "pirisite-recovery-codes.txt";

    public bool Renewed { get; init; }

    /// <summary>The account's email address, named in the file.</summary>
    public string Account { get; init; } = "";

    /// <summary>When the codes were made, in the firm's time, named in the file (a newer set replaces an older one).</summary>
    public DateTime CreatedAt { get; init; }

    public static RecoveryCodesViewModel For(IReadOnlyList<string> codes, string? account, TimeProvider clock, bool renewed = false)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new(codes) { Account = account ?? "", CreatedAt = FirmTimeZone.ToFirmTime(clock.GetUtcNow().UtcDateTime), Renewed = renewed };
    }

    public string FileText =>
        $"PiriSite recovery codes for {Account}\n" +
        $"Made {CreatedAt.ToString("d MMMM yyyy, h:mm tt", CultureInfo.InvariantCulture)} (firm time). Any earlier codes no longer work.\n\n" +
        "Each code signs you in once if you lose your phone. Keep this file somewhere safe, away from your phone.\n\n" +
        string.Join("\n", Codes) + "\n";

    public string DownloadHref => "data:text/plain;charset=utf-8," + Uri.EscapeDataString(FileText);
}

public sealed class ChangePasswordViewModel
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
}
