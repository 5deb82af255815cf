using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using PiriSite.Data.Identity;
using PiriSite.Domain.Audit;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers.Account;

/// <summary>Changing one's own password; the account's other sessions end, this one goes on.</summary>
[Authorize]
public sealed class PasswordController(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit) : AccountController
{
    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordViewModel());

    [HttpPost("password")]
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
}
