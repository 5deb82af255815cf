using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PiriSite.Domain.Accounts;

namespace PiriSite.Data.Identity;

/// <summary>An account of the attorney or a member of staff.</summary>
public class StaffUser : IdentityUser
{
    /// <summary>Disabling an account locks it out for good; an ordinary lockout after failed sign-ins lasts minutes.</summary>
    public static readonly DateTimeOffset DisabledLockoutEnd = DateTimeOffset.MaxValue;

    public string DisplayName { get; set; } = "";

    // Compared by year: a stored date may come back a few ticks short of the exact maximum.
    public bool IsDisabled => LockoutEnd is { } end && end.UtcDateTime.Year == DisabledLockoutEnd.Year;

    /// <summary>
    /// How staff see this person named: the name they were given, else their email address. Never a role word: the
    /// first Attorney account used to be created named "Attorney", and that names nobody.
    /// </summary>
    public string ShownName => DisplayName.Trim() is { Length: > 0 } name && !StaffRoles.All.Contains(name, StringComparer.OrdinalIgnoreCase)
        ? name
        : Email ?? UserName ?? Id;

    /// <summary>The name shown for whoever did something: the account's name, else the signed-in identity's.</summary>
    public static string ShownNameOf(StaffUser? user, ClaimsPrincipal actor) =>
        user?.ShownName ?? actor?.Identity?.Name ?? "";
}
