using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PiriSite.Domain.Accounts;

namespace PiriSite.Data.Identity;

public enum FirstAttorneyOutcome
{
    /// <summary>Admin:Email is not set: nothing to do.</summary>
    NotRequested,

    /// <summary>A staff account already exists: the settings are ignored (they are for the first start only).</summary>
    StaffExist,

    Created,

    /// <summary>Another instance starting at the same moment created the same account first.</summary>
    CreatedByAnotherInstance,

    /// <summary>The settings do not make a valid account (a weak password, no password): the site must not start.</summary>
    Refused,
}

/// <summary>
/// The first Attorney account from the environment, as a container first starts (it has no terminal for the
/// create-admin command): <see cref="AdminBootstrapOptions"/>, with the same rules as that command (the password
/// policy included). Only while no staff account exists; the new Attorney sets up two-factor sign-in at first sign-in,
/// as every staff member without it must. Replicas starting together all try: the database's unique user name lets one
/// succeed, and the others find the account made.
/// </summary>
public sealed partial class FirstAttorneyBootstrap(
    SiteDbContext db,
    UserManager<StaffUser> users,
    IOptions<AdminBootstrapOptions> options,
    ILogger<FirstAttorneyBootstrap> logger)
{
    public async Task<FirstAttorneyOutcome> RunAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Email))
        {
            return FirstAttorneyOutcome.NotRequested;
        }

        if (await users.Users.AnyAsync(cancellationToken))
        {
            return FirstAttorneyOutcome.StaffExist;
        }

        var password = ReadPassword(settings, out var passwordProblem);
        if (password is null)
        {
            LogRefused(logger, passwordProblem!);
            return FirstAttorneyOutcome.Refused;
        }

        var email = settings.Email.Trim();
        var name = string.IsNullOrWhiteSpace(settings.Name) ? await StaffAccounts.FirmAttorneyNameAsync(db, cancellationToken) : settings.Name.Trim();
        StaffAccountResult result;
        // The account and its role together, or neither: a replica that stops between the two must not leave a staff
        // account without a role (which would also stop this from ever running again).
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                result = await StaffAccounts.CreateAsync(users, email, name ?? email, password, StaffRoles.Attorney);
                if (result.Succeeded)
                {
                    await transaction.CommitAsync(cancellationToken);
                    LogCreated(logger);
                    return FirstAttorneyOutcome.Created;
                }
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                result = new StaffAccountResult(null, []);
            }
        }

        // Refused: either the settings are wrong, or another instance stored the same user name first (the database's
        // unique index, or Identity's own check if that instance had already committed).
        db.ChangeTracker.Clear();
        if (await users.FindByEmailAsync(email) is not null)
        {
            LogCreatedByAnotherInstance(logger);
            return FirstAttorneyOutcome.CreatedByAnotherInstance;
        }

        // An invalid address is quoted back by Identity; the log names the setting instead (no personal data in logs).
        var problems = string.Join(" ", result.Errors).Replace(email, "(Admin:Email)", StringComparison.OrdinalIgnoreCase);
        LogRefused(logger, problems);
        return FirstAttorneyOutcome.Refused;
    }

    /// <summary>Admin:Password, else the file Admin:PasswordFile names (a Docker secret), without its final line break.</summary>
    private static string? ReadPassword(AdminBootstrapOptions settings, out string? problem)
    {
        problem = null;
        if (!string.IsNullOrEmpty(settings.Password))
        {
            return settings.Password;
        }

        if (string.IsNullOrWhiteSpace(settings.PasswordFile))
        {
            problem = "Admin:Email is set, but neither Admin:PasswordFile nor Admin:Password is.";
            return null;
        }

        try
        {
            return File.ReadAllText(settings.PasswordFile).TrimEnd('\r', '\n');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = $"Admin:PasswordFile {settings.PasswordFile} cannot be read ({exception.GetType().Name}).";
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first Attorney account from the Admin settings; remove Admin:Password or Admin:PasswordFile from the environment now. Two-factor sign-in is set up at first sign-in")]
    private static partial void LogCreated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The first Attorney account from the Admin settings was created by another instance starting at the same time")]
    private static partial void LogCreatedByAnotherInstance(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The site does not start: the Admin settings do not make a valid first Attorney account. {Problems} Set a longer password that is not a common one (in the file Admin:PasswordFile names, or Admin:Password), or remove Admin:Email and create the account with the create-admin command")]
    private static partial void LogRefused(ILogger logger, string problems);
}
