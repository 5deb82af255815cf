using Microsoft.AspNetCore.Identity;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>One staff account as the Attorney sees it, with the open requests still assigned to it.</summary>
public sealed record StaffMember(
    string Id, string Email, string Name, string Role, bool TwoFactorEnabled, bool Disabled, int OpenRequests);

/// <summary>
/// The staff accounts the Attorney manages: the list, and disabling, enabling and resetting two-factor sign-in.
/// Each change renews the account's security stamp where it must end the person's sessions at once.
/// </summary>
public sealed class StaffAccountService(UserManager<StaffUser> users, SiteDbContext db)
{
    public async Task<IReadOnlyList<StaffMember>> ListAsync()
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var attorneys = (await users.GetUsersInRoleAsync(StaffRoles.Attorney)).Select(u => u.Id).ToHashSet();
        var open = await OpenRequestsByAssigneeAsync();
        return all.Select(u => Member(u, attorneys.Contains(u.Id), open.GetValueOrDefault(u.Id))).ToList();
    }

    public async Task<(StaffUser User, StaffMember Member)?> FindAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return null;
        }

        var open = await OpenRequestsByAssigneeAsync(id);
        return (user, Member(user, await users.IsInRoleAsync(user, StaffRoles.Attorney), open.GetValueOrDefault(id)));
    }

    /// <summary>Locked out for good, and signed out everywhere.</summary>
    public async Task DisableAsync(StaffUser user)
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, StaffUser.DisabledLockoutEnd);
        await users.UpdateSecurityStampAsync(user);
    }

    public async Task EnableAsync(StaffUser user)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    /// <summary>The authenticator key is replaced and two-factor is off until they set up a new app at next sign-in.</summary>
    public async Task ResetTwoFactorAsync(StaffUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.UpdateSecurityStampAsync(user);
    }

    private static StaffMember Member(StaffUser user, bool isAttorney, int openRequests) => new(
        user.Id, user.Email ?? "", user.ShownName, isAttorney ? StaffRoles.Attorney : StaffRoles.Staff,
        user.TwoFactorEnabled, user.IsDisabled, openRequests);

    // Open is a rule of the workflow (LeadWorkflow.IsOpen); the few statuses per person are counted here.
    private async Task<Dictionary<string, int>> OpenRequestsByAssigneeAsync(string? assigneeId = null)
    {
        var assigned = db.ConsultationRequests.AsNoTracking().Where(r => r.AssignedToId != null);
        if (assigneeId is not null)
        {
            assigned = assigned.Where(r => r.AssignedToId == assigneeId);
        }

        var statuses = await assigned.GroupBy(r => new { r.AssignedToId, r.Status })
            .Select(g => new { g.Key.AssignedToId, g.Key.Status, Count = g.Count() }).ToListAsync();
        return statuses.Where(s => LeadWorkflow.IsOpen(s.Status))
            .GroupBy(s => s.AssignedToId!)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
    }
}
