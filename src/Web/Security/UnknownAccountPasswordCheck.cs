using Microsoft.AspNetCore.Identity;
using PiriSite.Data.Identity;

namespace PiriSite.Web.Security;

/// <summary>
/// A sign-in with an email that has no account (or an account that is locked, which Identity answers without
/// hashing) still verifies the typed password, against a hash made once with the same hasher and cost, so the
/// time an answer takes does not tell an attacker which emails belong to staff.
/// </summary>
public sealed class UnknownAccountPasswordCheck(IPasswordHasher<StaffUser> hasher)
{
    private static readonly StaffUser s_nobody = new() { UserName = "nobody", Email = "nobody@invalid" };

    // Made once per process (the hasher is scoped); the hash carries its own iteration count, so verifying it costs
    // what verifying a real account's hash costs.
    private static string? s_dummyHash;

    public void SpendTheSameTime(string typedPassword)
    {
        var dummyHash = s_dummyHash ??= hasher.HashPassword(s_nobody, Guid.NewGuid().ToString("N"));
        _ = hasher.VerifyHashedPassword(s_nobody, dummyHash, typedPassword);
    }
}
