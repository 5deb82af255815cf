using Microsoft.AspNetCore.Identity;

namespace PiriSite.Data.Identity;

/// <summary>An account of the attorney or a member of staff.</summary>
public class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Disabling an account locks it out for good; an ordinary lockout after failed sign-ins lasts minutes.</summary>
    public bool IsDisabled => LockoutEnd is { } end && end > DateTimeOffset.UtcNow.AddYears(50);
}
