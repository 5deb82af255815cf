using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace PiriSite.Data.Identity;

/// <summary>
/// Identity's EF Core user store, except that the two-factor secrets are encrypted before they reach
/// AspNetUserTokens and decrypted when read (see <see cref="StaffTokenProtector"/> for why this and not
/// <c>ProtectPersonalData</c>). The authenticator key and recovery-code methods of the base store go through
/// these two methods, so redeeming and counting recovery codes work unchanged.
/// </summary>
public sealed class ProtectedUserStore(SiteDbContext context, StaffTokenProtector protector, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole, SiteDbContext>(context, describer)
{
    public override Task SetTokenAsync(StaffUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken = default) =>
        base.SetTokenAsync(user, loginProvider, name, StaffTokenProtector.IsSecret(loginProvider, name) ? protector.Protect(value) : value, cancellationToken);

    public override async Task<string?> GetTokenAsync(StaffUser user, string loginProvider, string name, CancellationToken cancellationToken = default)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return StaffTokenProtector.IsSecret(loginProvider, name) ? protector.Unprotect(stored) : stored;
    }
}
