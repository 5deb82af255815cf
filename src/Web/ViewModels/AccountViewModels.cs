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

public sealed class TwoFactorSetupViewModel
{
    public string SharedKey { get; set; } = "";
    public string QrCodeSvg { get; set; } = "";
    public string? Code { get; set; }
}

public sealed record RecoveryCodesViewModel(IReadOnlyList<string> Codes);

public sealed class ChangePasswordViewModel
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
}
