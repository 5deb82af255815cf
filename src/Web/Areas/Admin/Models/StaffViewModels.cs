using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Models;

public sealed record StaffMemberRow(StaffMember Member, bool IsYou)
{
    public string TwoFactorLabel => Member.TwoFactorEnabled ? "Two-factor on" : "Two-factor not set up";

    public string StatusLabel => Member.Disabled ? "Disabled" : "Active";

    public string OpenRequestsLabel => Member.OpenRequests switch
    {
        0 => "No open requests assigned",
        1 => "1 open request assigned",
        var n => $"{n} open requests assigned",
    };
}

public sealed record StaffIndexViewModel(IReadOnlyList<StaffMemberRow> Members, NewStaffMemberViewModel NewMember);

public sealed class NewStaffMemberViewModel
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Role { get; set; }
    public string? Password { get; set; }
}

/// <summary>What disabling an account or resetting its two-factor sign-in will do, said before it is done.</summary>
public static class StaffConfirmations
{
    private const string ListUrl = "/admin/staff";

    public static ConfirmationScreen Disable(StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new ConfirmationScreen(
            $"Disable {member.Name}'s account?",
            [
                $"{member.Name} will no longer be able to sign in, and is signed out everywhere at once.",
                member.OpenRequests switch
                {
                    0 => "No open requests are assigned to them.",
                    1 => "Their open request stays assigned to them: reassign it from Requests if someone should follow it up.",
                    var n => $"Their {n} open requests stay assigned to them: reassign them from Requests if someone should follow them up.",
                },
                "You can enable the account again from this page; nothing else about it changes.",
            ],
            $"{ListUrl}/{member.Id}/disable",
            [],
            $"Disable {member.Name}'s account",
            ListUrl,
            "Keep the account active")
        {
            Items = [member.Email],
        };
    }

    public static ConfirmationScreen ResetTwoFactor(StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new ConfirmationScreen(
            $"Reset {member.Name}'s two-factor sign-in?",
            [
                "Their authenticator stops working at once for this site, and they are signed out everywhere.",
                "At next sign-in they must set up a new one before they can do anything else; their old recovery codes are replaced then.",
                "Whoever signs in next with their password sets up that new one: reset it only when you know it is them asking (a lost or new phone).",
            ],
            $"{ListUrl}/{member.Id}/reset-two-factor",
            [],
            "Reset two-factor sign-in",
            ListUrl)
        {
            Items = [member.Email],
        };
    }
}
