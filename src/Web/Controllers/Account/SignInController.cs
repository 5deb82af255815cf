using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using PiriSite.Data.Identity;
using PiriSite.Domain.Audit;
using PiriSite.Web.Extensions;
using PiriSite.Web.Security;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers.Account;

/// <summary>Signing in with email and password (then, usually, a code: <see cref="TwoFactorSignInController"/>) and signing out.</summary>
public sealed class SignInController(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    UnknownAccountPasswordCheck unknownAccount,
    AuditLog audit) : AccountController
{
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
                ? RedirectToAction(nameof(TwoFactorSignInController.TwoFactorCode), new { returnUrl = model.ReturnUrl })
                : LocalRedirect(model.ReturnUrl);
        }

        await audit.RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed,
            user?.Id, user?.Email ?? DescribeUnknown(email), details: result.IsNotAllowed ? "account disabled" : null);
        ModelState.AddModelError("", SignInFailedMessage);
        model.Password = null;
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

    // A failed sign-in with an unknown email is logged with what was typed only if it looks like an email:
    // people sometimes type their password into the email box, and that must never reach the log.
    private static string DescribeUnknown(string typed) =>
        typed.Contains('@', StringComparison.Ordinal) && !typed.Any(char.IsWhiteSpace) && typed.Length <= 254
            ? string.Create(CultureInfo.InvariantCulture, $"unknown account {typed}")
            : "unknown account (not an email address)";
}
