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
    public string SharedKey { get; set; } = "";
    public string QrCodeSvg { get; set; } = "";
    public string? Code { get; set; }
    public bool Replacing { get; set; }

    public static TwoFactorSetupViewModel Showing(AuthenticatorSetup setup, bool replacing)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new() { SharedKey = setup.SharedKey, QrCodeSvg = setup.QrCodeSvg, Replacing = replacing };
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

public sealed record RecoveryCodesViewModel(IReadOnlyList<string> Codes)
{
    public bool Renewed { get; init; }
}

public sealed class ChangePasswordViewModel
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
}
