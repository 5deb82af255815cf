using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Audit;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// The Attorney's management of staff accounts: add, disable, enable, and reset two-factor set-up. Disabling and
/// resetting cannot be taken back in one tap, so each first shows what it will do (the shared confirmation page)
/// and happens only when that page posts again with confirmed=true.
/// </summary>
[Route("admin/staff")]
[Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
public sealed class StaffController(UserManager<StaffUser> users, StaffAccountService staff, AuditLog audit) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await IndexModelAsync(new NewStaffMemberViewModel { Role = StaffRoles.Staff }));

    [HttpPost("")]
    public async Task<IActionResult> Create(NewStaffMemberViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var email = model.Email?.Trim() ?? "";
        if (email.Length == 0 || !email.Contains('@', StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(model.Email), "Enter the staff member's email address.");
        }

        if (string.IsNullOrWhiteSpace(model.DisplayName))
        {
            ModelState.AddModelError(nameof(model.DisplayName), "Enter the staff member's name.");
        }

        if (model.Role is not (StaffRoles.Staff or StaffRoles.Attorney))
        {
            ModelState.AddModelError(nameof(model.Role), "Choose Staff or Attorney.");
        }

        if (ModelState.IsValid)
        {
            var result = await StaffAccounts.CreateAsync(users, email, model.DisplayName!, model.Password ?? "", model.Role!);
            if (result.Succeeded)
            {
                await audit.RecordAsync(User, AuditActions.AccountCreated, result.User!.Email, $"role {model.Role}");
                TempData["Message"] = $"{result.User.Email} can now sign in and will be asked to set up two-factor sign-in.";
                return RedirectToAction(nameof(Index));
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Contains("password", StringComparison.OrdinalIgnoreCase) ? nameof(model.Password) : nameof(model.Email), error);
            }
        }

        model.Password = null;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), await IndexModelAsync(model));
    }

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id, bool confirmed = false) =>
        ChangeAsync(id, AuditActions.AccountDisabled, confirmed ? null : StaffConfirmations.Disable, async (user, member) =>
        {
            await staff.DisableAsync(user);
            return $"{member.Name} ({member.Email}) is disabled and signed out everywhere.";
        });

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id) => ChangeAsync(id, AuditActions.AccountEnabled, null, async (user, member) =>
    {
        await staff.EnableAsync(user);
        return $"{member.Name} ({member.Email}) can sign in again.";
    });

    [HttpPost("{id}/reset-two-factor")]
    public Task<IActionResult> ResetTwoFactor(string id, bool confirmed = false) =>
        ChangeAsync(id, AuditActions.TwoFactorReset, confirmed ? null : StaffConfirmations.ResetTwoFactor, async (user, member) =>
        {
            await staff.ResetTwoFactorAsync(user);
            return $"{member.Name} ({member.Email}) will set up a new authenticator at the next sign-in.";
        });

    /// <summary>
    /// Applies <paramref name="change"/> to another person's account; when <paramref name="confirmation"/> is
    /// given (the change is not confirmed yet), shows that page instead and changes nothing.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(
        string id, string action, Func<StaffMember, ConfirmationScreen>? confirmation, Func<StaffUser, StaffMember, Task<string>> change)
    {
        if (await staff.FindAsync(id) is not { } found)
        {
            return NotFound();
        }

        var (user, member) = found;

        if (user.Id == users.GetUserId(User))
        {
            TempData["Message"] = "You cannot change your own account here.";
            return RedirectToAction(nameof(Index));
        }

        if (confirmation is not null)
        {
            return View("Confirm", confirmation(member));
        }

        TempData["Message"] = await change(user, member);
        await audit.RecordAsync(User, action, user.Email);
        return RedirectToAction(nameof(Index));
    }

    private async Task<StaffIndexViewModel> IndexModelAsync(NewStaffMemberViewModel newMember)
    {
        var me = users.GetUserId(User);
        var rows = (await staff.ListAsync()).Select(m => new StaffMemberRow(m, m.Id == me)).ToList();
        return new StaffIndexViewModel(rows, newMember);
    }
}
