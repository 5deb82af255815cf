using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PiriSite.Data.Identity;
using PiriSite.Domain.Audit;
using PiriSite.Web.Extensions;
using PiriSite.Web.Security;
using PiriSite.Web.Services;
using PiriSite.Web.ViewModels;
using QRCoder;

namespace PiriSite.Web.Controllers;

/// <summary>
/// Staff sign-in, two-factor set-up and sign-out. Failure messages, and the time they take, are the same whether or
/// not an account exists, and every attempt goes to the audit log. An enabled authenticator key is never shown again:
/// replacing it, or getting new recovery codes, needs the password as well as the session.
/// </summary>
[Route("account")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountController(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    TwoFactorEnrolment enrolment,
    UnknownAccountPasswordCheck unknownAccount,
    AuditLog audit) : Controller
{
    private const string DefaultReturnUrl = "/admin";
    private const string SignInFailedMessage =
        "The email or password is not right, or sign-in is paused after several failed attempts. Check them and try again, or wait 15 minutes.";

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.ReturnUrl = SafeReturnUrl(model.ReturnUrl);
        var email = model.Email?.Trim() ?? "";
        if (email.Length == 0 || string.IsNullOrEmpty(model.Password))
        {
            ModelState.AddModelError("", "Please enter your email address and your password.");
            return View(model);
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // Identity answers these without hashing anything; hash anyway, so the answer comes no faster.
            unknownAccount.SpendTheSameTime(model.Password);
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, model.Password, isPersistent: false, lockoutOnFailure: true);

        if (result.Succeeded || result.RequiresTwoFactor)
        {
            if (result.Succeeded)
            {
                await audit.RecordAsync(AuditActions.SignedIn, user!.Id, user.Email ?? "", details: "password");
            }

            return result.RequiresTwoFactor
                ? RedirectToAction(nameof(TwoFactorCode), new { returnUrl = model.ReturnUrl })
                : LocalRedirect(model.ReturnUrl);
        }

        await audit.RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed,
            user?.Id, user?.Email ?? DescribeUnknown(email), details: result.IsNotAllowed ? "account disabled" : null);
        ModelState.AddModelError("", SignInFailedMessage);
        model.Password = null;
        return View(model);
    }

    [HttpGet("two-factor-code")]
    public async Task<IActionResult> TwoFactorCode(string? returnUrl, bool recovery = false) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(Login))
            : View(new TwoFactorCodeViewModel { ReturnUrl = returnUrl, UseRecoveryCode = recovery });

    [HttpPost("two-factor-code")]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> TwoFactorCode(TwoFactorCodeViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.ReturnUrl = SafeReturnUrl(model.ReturnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        var code = model.UseRecoveryCode ? NormaliseRecoveryCode(model.Code) : new string((model.Code ?? "").Where(char.IsAsciiDigit).ToArray());
        var result = model.UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);

        if (result.Succeeded)
        {
            await audit.RecordAsync(model.UseRecoveryCode ? AuditActions.RecoveryCodeUsed : AuditActions.SignedIn,
                user.Id, user.Email ?? "", details: model.UseRecoveryCode ? null : "password and authenticator code");
            return LocalRedirect(model.ReturnUrl);
        }

        await audit.RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.TwoFactorFailed, user.Id, user.Email ?? "");
        ModelState.AddModelError(nameof(model.Code), result.IsLockedOut
            ? SignInFailedMessage
            : "That code is not right. Codes change every 30 seconds: enter the one your app shows now.");
        model.Code = null;
        return View(model);
    }

    [HttpPost("logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            // A new security stamp ends this account's sessions everywhere, not only in this browser.
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(User, AuditActions.SignedOut);
        }

        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("two-factor")]
    [Authorize]
    public async Task<IActionResult> TwoFactorSetup()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled && HttpMethods.IsHead(Request.Method))
        {
            // HEAD is answered like GET but changes nothing: the first GET creates the key, not a link checker.
            return Ok();
        }

        // Once enabled, the key is never shown again: whoever holds this session may not be its owner.
        return user.TwoFactorEnabled ? View("TwoFactorManage", await ManageModelAsync(user)) : View(await FirstSetupModelAsync(user));
    }

    [HttpPost("two-factor")]
    [Authorize]
    public async Task<IActionResult> TwoFactorSetup(TwoFactorSetupViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            // First set-up only: a code alone must not hand out new recovery codes for an account that has two-factor on.
            return RedirectToAction(nameof(TwoFactorSetup));
        }

        var code = DigitsOf(model.Code);
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            var retry = await FirstSetupModelAsync(user);
            ModelState.AddModelError(nameof(model.Code), "That code is not right. Check that your app shows PiriSite, and enter the code it shows now.");
            return View(retry);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(User, AuditActions.TwoFactorEnabled);
        return View("RecoveryCodes", new RecoveryCodesViewModel(codes));
    }

    [HttpPost("two-factor/new-key")]
    [Authorize]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> NewAuthenticatorKey(PasswordConfirmationViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(TwoFactorSetup));
        }

        if (await PasswordRefusedAsync(user, model.CurrentPassword, "new authenticator app") is { } refused)
        {
            return refused;
        }

        var key = await enrolment.StartNewKeyAsync(user);
        return View(nameof(TwoFactorSetup), SetupModel(user, key, replacing: true));
    }

    [HttpPost("two-factor/new-key/confirm")]
    [Authorize]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> ConfirmNewAuthenticatorKey(TwoFactorSetupViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled || await enrolment.PendingKeyAsync(user) is null)
        {
            return RedirectToAction(nameof(TwoFactorSetup));
        }

        if (!await enrolment.ConfirmNewKeyAsync(user, DigitsOf(model.Code)))
        {
            await audit.RecordAsync(User, AuditActions.TwoFactorFailed, details: "new authenticator app");
            // The new key is not shown again: the app that scanned it can produce another code; anyone else starts over with the password.
            ModelState.AddModelError(nameof(model.Code), "That code is not right. Enter the code your app shows now for the new PiriSite entry.");
            return View(nameof(TwoFactorSetup), new TwoFactorSetupViewModel { Replacing = true });
        }

        // The new key renewed the security stamp, which ends the other sessions; keep this one.
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(User, AuditActions.TwoFactorEnabled, details: "new authenticator app");
        TempData["Message"] = "Your new authenticator app is set up; the old one no longer works. Any other sessions have been signed out.";
        return RedirectToAction(nameof(TwoFactorSetup));
    }

    [HttpPost("two-factor/recovery-codes")]
    [Authorize]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> NewRecoveryCodes(PasswordConfirmationViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(TwoFactorSetup));
        }

        if (await PasswordRefusedAsync(user, model.CurrentPassword, "new recovery codes") is { } refused)
        {
            return refused;
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await audit.RecordAsync(User, AuditActions.RecoveryCodesRenewed);
        return View("RecoveryCodes", new RecoveryCodesViewModel(codes) { Renewed = true });
    }

    [HttpGet("password")]
    [Authorize]
    public IActionResult ChangePassword() => View(new ChangePasswordViewModel());

    [HttpPost("password")]
    [Authorize]
    public async Task<IActionResult> ChangePassword(ChangePasswordViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, model.CurrentPassword ?? "", model.NewPassword ?? "");
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(model.CurrentPassword) : nameof(model.NewPassword),
                    error.Code == "PasswordMismatch" ? "Your current password is not right." : error.Description);
            }

            return View(new ChangePasswordViewModel());
        }

        // Changing the password renewed the security stamp, which ends the other sessions; keep this one.
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(User, AuditActions.PasswordChanged);
        TempData["Message"] = "Your password was changed. Any other sessions have been signed out.";
        return LocalRedirect(DefaultReturnUrl);
    }

    private async Task<TwoFactorSetupViewModel> FirstSetupModelAsync(StaffUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";

            // A new key renews the security stamp; re-issue this session's cookie, or the next request would sign the person out.
            await signIn.RefreshSignInAsync(user);
        }

        return SetupModel(user, key, replacing: false);
    }

    private static TwoFactorSetupViewModel SetupModel(StaffUser user, string key, bool replacing)
    {
        var issuer = Uri.EscapeDataString("PiriSite");
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(5);
        return new TwoFactorSetupViewModel { SharedKey = FormatKey(key), QrCodeSvg = svg, Replacing = replacing };
    }

    private async Task<TwoFactorManageViewModel> ManageModelAsync(StaffUser user) =>
        new() { RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user) };

    /// <summary>
    /// The password, checked as at sign-in (failures count towards the lockout). Null when right; otherwise the
    /// page again, with nothing typed in it.
    /// </summary>
    private async Task<IActionResult?> PasswordRefusedAsync(StaffUser user, string? password, string purpose)
    {
        var result = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return null;
        }

        await audit.RecordAsync(User, result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, details: $"password check for {purpose}");
        ModelState.AddModelError("", result.IsLockedOut
            ? SignInFailedMessage
            : "Your current password is not right.");
        return View("TwoFactorManage", await ManageModelAsync(user));
    }

    private static string DigitsOf(string? typed) => new((typed ?? "").Where(char.IsAsciiDigit).ToArray());

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

    // Recovery codes are issued as "XXXXX-XXXXX"; accept them typed without the dash, in any case, with spaces.
    private static string NormaliseRecoveryCode(string? typed)
    {
        var code = new string((typed ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        return code.Length == 10 && !code.Contains('-', StringComparison.Ordinal) ? $"{code[..5]}-{code[5..]}" : code;
    }

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : DefaultReturnUrl;

    // A failed sign-in with an unknown email is logged with what was typed only if it looks like an email:
    // people sometimes type their password into the email box, and that must never reach the log.
    private static string DescribeUnknown(string typed) =>
        typed.Contains('@', StringComparison.Ordinal) && !typed.Any(char.IsWhiteSpace) && typed.Length <= 254
            ? string.Create(CultureInfo.InvariantCulture, $"unknown account {typed}")
            : "unknown account (not an email address)";
}
