using Microsoft.AspNetCore.Identity;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;

namespace PiriSite.Web.Security;

/// <summary>
/// What Identity's own validator cannot say: at most <see cref="PasswordRules.MaximumLength"/> characters,
/// not one of the commonest breached passwords, and not the account's own email address.
/// (The minimum length is Identity's RequiredLength; composition rules are off, as NIST advises.)
/// </summary>
public sealed class PasswordPolicyValidator : IPasswordValidator<StaffUser>
{
    private static readonly Lazy<HashSet<string>> s_common = new(LoadCommonPasswords);

    public static int CommonPasswordCount => s_common.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new List<IdentityError>();
        password ??= "";

        if (password.Length > PasswordRules.MaximumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Use at most {PasswordRules.MaximumLength} characters." });
        }

        if (s_common.Value.Contains(password))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "This password is on a list of commonly used passwords that attackers try first. Choose another, such as a few unrelated words.",
            });
        }

        if (!string.IsNullOrEmpty(user.Email) && string.Equals(password, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordIsEmail", Description = "Do not use your email address as your password." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicyValidator).Assembly.GetManifestResourceStream("PiriSite.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
