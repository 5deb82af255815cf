using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Content;
using PiriSite.Domain.Accounts;

namespace PiriSite.Data.Identity;

public sealed record StaffAccountResult(StaffUser? User, IReadOnlyList<string> Errors)
{
    public bool Succeeded => User is not null;
}

/// <summary>Creates staff accounts the one way, whether from configuration, the command line or the admin area.</summary>
public static class StaffAccounts
{
    /// <summary>
    /// The attorney named in the firm profile (English), for an Attorney account created without a name: staff
    /// screens show who did what by name, and "Attorney" names nobody.
    /// </summary>
    public static async Task<string?> FirmAttorneyNameAsync(SiteDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var name = await db.FirmProfiles.AsNoTracking().Where(p => p.Culture == SiteCulture.English)
            .Select(p => p.AttorneyName).FirstOrDefaultAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(name) ? null : name;
    }

    public static async Task<StaffAccountResult> CreateAsync(
        UserManager<StaffUser> users, string email, string displayName, string password, string role)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (!StaffRoles.All.Contains(role))
        {
            return new StaffAccountResult(null, [$"Unknown role {role}."]);
        }

        var user = new StaffUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = displayName.Trim(),
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new StaffAccountResult(null, created.Errors.Select(e => e.Description).ToList());
        }

        var inRole = await users.AddToRoleAsync(user, role);
        return inRole.Succeeded
            ? new StaffAccountResult(user, [])
            : new StaffAccountResult(null, inRole.Errors.Select(e => e.Description).ToList());
    }
}
