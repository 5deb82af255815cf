namespace PiriSite.Domain.Accounts;

/// <summary>The two kinds of staff account: the Attorney may do everything; Staff manage content and leads.</summary>
public static class StaffRoles
{
    public const string Attorney = "Attorney";
    public const string Staff = "Staff";

    public static IReadOnlyList<string> All { get; } = [Attorney, Staff];
}
