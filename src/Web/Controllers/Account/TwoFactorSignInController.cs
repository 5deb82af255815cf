using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using PiriSite.Data.Identity;
using PiriSite.Domain.Audit;
using PiriSite.Web.Extensions;
using PiriSite.Web.Security;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers.Account;

/// <summary>The second step of signing in: a code from the authenticator app, or one of the recovery codes.</summary>
public sealed class TwoFactorSignInController(SignInManager<StaffUser> signIn, AuditLog audit) : AccountController
{
    [HttpGet("two-factor-code")]
    public async Task<IActionResult> TwoFactorCode(string? returnUrl, bool recovery = false) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(SignInController.Login))
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
            return RedirectToAction(nameof(SignInController.Login));
        }

        var result = model.UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(TwoFactorInput.RecoveryCode(model.Code))
            : await signIn.TwoFactorAuthenticatorSignInAsync(TwoFactorInput.AuthenticatorCode(model.Code), isPersistent: false, rememberClient: false);

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
}
