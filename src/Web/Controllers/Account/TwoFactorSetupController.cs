using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using PiriSite.Data.Identity;
using PiriSite.Domain.Audit;
using PiriSite.Web.Security;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers.Account;

/// <summary>
/// /account/two-factor: the first authenticator set-up, which every staff member goes through before anything else;
/// once two-factor sign-in is on, what can be changed with the password (<see cref="TwoFactorChangesController"/>).
/// </summary>
[Authorize]
public sealed class TwoFactorSetupController(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit, TimeProvider clock) : AccountController
{
    [HttpGet("two-factor")]
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
        return user.TwoFactorEnabled
            ? View("TwoFactorManage", new TwoFactorManageViewModel { RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user) })
            : View(await FirstSetupModelAsync(user));
    }

    [HttpPost("two-factor")]
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

        var code = TwoFactorInput.AuthenticatorCode(model.Code);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            var retry = await FirstSetupModelAsync(user);
            ModelState.AddModelError(nameof(model.Code), "That code is not right. Check that your app shows PiriSite, and enter the code it shows now.");
            return View(retry);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(User, AuditActions.TwoFactorEnabled);
        return View("RecoveryCodes", RecoveryCodesViewModel.For(codes, user.Email, clock));
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

        return TwoFactorSetupViewModel.Showing(AuthenticatorSetup.For(user.Email ?? "", key), replacing: false);
    }
}
