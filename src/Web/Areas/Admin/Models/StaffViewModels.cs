namespace PiriSite.Web.Areas.Admin.Models;

public sealed record StaffMemberRow(string Id, string Email, string DisplayName, string Role, bool TwoFactorEnabled, bool Disabled, bool IsYou);

public sealed record StaffIndexViewModel(IReadOnlyList<StaffMemberRow> Members, NewStaffMemberViewModel NewMember);

public sealed class NewStaffMemberViewModel
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Role { get; set; }
    public string? Password { get; set; }
}
