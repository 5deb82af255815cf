using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Audit;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>The Attorney's management of staff accounts: add, disable, enable, and reset two-factor set-up.</summary>
[Route("admin/staff")]
[Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
public sealed class StaffController(UserManager<StaffUser> users, AuditLog audit) : AdminController
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
    public Task<IActionResult> Disable(string id) => ChangeAsync(id, AuditActions.AccountDisabled, async user =>
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, StaffUser.DisabledLockoutEnd);
        await users.UpdateSecurityStampAsync(user); // signs the account out everywhere
        return $"{user.Email} is disabled and signed out everywhere.";
    });

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id) => ChangeAsync(id, AuditActions.AccountEnabled, async user =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return $"{user.Email} can sign in again.";
    });

    [HttpPost("{id}/reset-two-factor")]
    public Task<IActionResult> ResetTwoFactor(string id) => ChangeAsync(id, AuditActions.TwoFactorReset, async user =>
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return $"{user.Email} will set up a new authenticator at the next sign-in.";
    });

    private async Task<IActionResult> ChangeAsync(string id, string action, Func<StaffUser, Task<string>> change)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User))
        {
            TempData["Message"] = "You cannot change your own account here.";
            return RedirectToAction(nameof(Index));
        }

        TempData["Message"] = await change(user);
        await audit.RecordAsync(User, action, user.Email);
        return RedirectToAction(nameof(Index));
    }

    private async Task<StaffIndexViewModel> IndexModelAsync(NewStaffMemberViewModel newMember)
    {
        var me = users.GetUserId(User);
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var attorneys = (await users.GetUsersInRoleAsync(StaffRoles.Attorney)).Select(u => u.Id).ToHashSet();
        var rows = all.Select(u => new StaffMemberRow(
            u.Id, u.Email ?? "", u.DisplayName, attorneys.Contains(u.Id) ? StaffRoles.Attorney : StaffRoles.Staff,
            u.TwoFactorEnabled, u.IsDisabled, u.Id == me)).ToList();
        return new StaffIndexViewModel(rows, newMember);
    }
}
