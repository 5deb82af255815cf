using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace PiriSite.Data.Identity;

/// <summary>
/// Encrypts the two-factor secrets kept in AspNetUserTokens (the authenticator key, the recovery codes, and a new
/// key waiting to be confirmed) with ASP.NET Core Data Protection, so a copy of the database file alone is not
/// enough to produce codes or sign in with a recovery code.
/// </summary>
/// <remarks>
/// Why not Identity's <c>Stores.ProtectPersonalData</c>: it encrypts every [ProtectedPersonalData] column too (email,
/// user name, phone), and those are looked up by value, so it needs a deterministic lookup protector and key ring of
/// our own making. The tokens here are only ever read by user id and name, so Data Protection's ordinary
/// (non-deterministic, authenticated) encryption fits them and nothing else changes.
/// </remarks>
public sealed class StaffTokenProtector
{
    /// <summary>Identity's own provider name for the tokens its stores keep (UserStoreBase.InternalLoginProvider).</summary>
    public const string IdentityLoginProvider = "[AspNetUserStore]";

    /// <summary>The site's own tokens (a new authenticator key waiting for its first code).</summary>
    public const string SiteLoginProvider = "[PiriSite]";

    public const string PendingAuthenticatorKeyName = "PendingAuthenticatorKey";

    // Marks a value written by this class. Base32 keys and "XXXXX-XXXXX;..." recovery codes never contain a colon,
    // so a value without the prefix is one written in plain text before this class existed.
    private const string Prefix = "dp1:";

    private static readonly string[] IdentityTokenNames = ["AuthenticatorKey", "RecoveryCodes"];

    private readonly IDataProtector _protector;

    public StaffTokenProtector(IDataProtectionProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _protector = provider.CreateProtector("PiriSite.Identity.TwoFactorTokens.v1");
    }

    public static bool IsSecret(string loginProvider, string name) =>
        (loginProvider == IdentityLoginProvider && IdentityTokenNames.Contains(name))
        || loginProvider == SiteLoginProvider;

    public static bool IsProtected(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public string? Protect(string? value) => value is null || IsProtected(value) ? value : Prefix + _protector.Protect(value);

    /// <summary>The plain value; a value stored before encryption was introduced is returned as it is.</summary>
    public string? Unprotect(string? stored) => IsProtected(stored) ? _protector.Unprotect(stored![Prefix.Length..]) : stored;

    /// <summary>Encrypts secrets still stored in plain text (from before this class existed). Safe to run at every start.</summary>
    public async Task<int> ProtectPlainTokensAsync(SiteDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var candidates = await db.Set<IdentityUserToken<string>>()
            .Where(t => (t.LoginProvider == IdentityLoginProvider && IdentityTokenNames.Contains(t.Name)) || t.LoginProvider == SiteLoginProvider)
            .Where(t => t.Value != null && !t.Value.StartsWith(Prefix))
            .ToListAsync(cancellationToken);
        foreach (var token in candidates)
        {
            token.Value = Protect(token.Value);
        }

        await db.SaveChangesAsync(cancellationToken);
        return candidates.Count;
    }
}
