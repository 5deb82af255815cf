using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace PiriSite.Data.Identity;

/// <summary>An account of the attorney or a member of staff.</summary>
public class StaffUser : IdentityUser
{
    /// <summary>Disabling an account locks it out for good; an ordinary lockout after failed sign-ins lasts minutes.</summary>
    public static readonly DateTimeOffset DisabledLockoutEnd = DateTimeOffset.MaxValue;

    public string DisplayName { get; set; } = "";

    // Compared by year: a stored date may come back a few ticks short of the exact maximum.
    public bool IsDisabled => LockoutEnd is { } end && end.UtcDateTime.Year == DisabledLockoutEnd.Year;

    /// <summary>How staff see this person named: the name they were given, else their email address.</summary>
    public string ShownName => DisplayName.Length > 0 ? DisplayName : Email ?? UserName ?? Id;

    /// <summary>The name shown for whoever did something: the account's name, else the signed-in identity's.</summary>
    public static string ShownNameOf(StaffUser? user, ClaimsPrincipal actor) =>
        user?.ShownName ?? actor?.Identity?.Name ?? "";
}
