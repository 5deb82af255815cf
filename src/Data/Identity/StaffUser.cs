using Microsoft.AspNetCore.Identity;

namespace PiriSite.Data.Identity;

/// <summary>An account of the attorney or a member of staff.</summary>
public class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
