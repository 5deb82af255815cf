using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using PiriSite.Data.Identity;
using PiriSite.Domain.Audit;
using PiriSite.Web.Extensions;
using PiriSite.Web.Security;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers.Account;

/// <summary>
/// Changes to two-factor sign-in once it is on: a new authenticator app, or new recovery codes. An enabled key is
/// never shown again, so each needs the password as well as the session; a replacement key takes over only once a
/// code from it is entered.
/// </summary>
[Authorize]
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class TwoFactorChangesController(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    TwoFactorEnrolment enrolment,
    AuditLog audit,
    TimeProvider clock) : AccountController
{
    [HttpPost("two-factor/new-key")]
    public Task<IActionResult> NewAuthenticatorKey(PasswordConfirmationViewModel model) =>
        WithPasswordAsync(model, "new authenticator app", async user =>
        {
            var key = await enrolment.StartNewKeyAsync(user);
            return View(nameof(TwoFactorSetupController.TwoFactorSetup),
                TwoFactorSetupViewModel.Showing(AuthenticatorSetup.For(user.Email ?? "", key), replacing: true));
        });

    [HttpPost("two-factor/new-key/confirm")]
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
            return RedirectToAction(nameof(TwoFactorSetupController.TwoFactorSetup));
        }

        if (!await enrolment.ConfirmNewKeyAsync(user, TwoFactorInput.AuthenticatorCode(model.Code)))
        {
            await audit.RecordAsync(User, AuditActions.TwoFactorFailed, details: "new authenticator app");
            // The new key is not shown again: the app that scanned it can produce another code; anyone else starts over with the password.
            ModelState.AddModelError(nameof(model.Code), "That code is not right. Enter the code your app shows now for the new PiriSite entry.");
            return View(nameof(TwoFactorSetupController.TwoFactorSetup), new TwoFactorSetupViewModel { Replacing = true });
        }

        // The new key renewed the security stamp, which ends the other sessions; keep this one.
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(User, AuditActions.TwoFactorEnabled, details: "new authenticator app");
        TempData["Message"] = "Your new authenticator app is set up; the old one no longer works. Any other sessions have been signed out.";
        return RedirectToAction(nameof(TwoFactorSetupController.TwoFactorSetup));
    }

    [HttpPost("two-factor/recovery-codes")]
    public Task<IActionResult> NewRecoveryCodes(PasswordConfirmationViewModel model) =>
        WithPasswordAsync(model, "new recovery codes", async user =>
        {
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
            await audit.RecordAsync(User, AuditActions.RecoveryCodesRenewed);
            return View("RecoveryCodes", RecoveryCodesViewModel.For(codes, user.Email, clock, renewed: true));
        });

    /// <summary>
    /// Runs <paramref name="change"/> for a signed-in account with two-factor on, once its password is right. The
    /// password is checked as at sign-in (failures count towards the lockout); when wrong, the page again, with
    /// nothing typed in it.
    /// </summary>
    private async Task<IActionResult> WithPasswordAsync(PasswordConfirmationViewModel model, string purpose, Func<StaffUser, Task<IActionResult>> change)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(TwoFactorSetupController.TwoFactorSetup));
        }

        var result = await signIn.CheckPasswordSignInAsync(user, model.CurrentPassword ?? "", lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return await change(user);
        }

        await audit.RecordAsync(User, result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, details: $"password check for {purpose}");
        ModelState.AddModelError("", result.IsLockedOut ? SignInFailedMessage : "Your current password is not right.");
        return View("TwoFactorManage", new TwoFactorManageViewModel { RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user) });
    }
}
