using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PiriSite.Data;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Data;

/// <summary>The first Attorney from the environment (Admin:*), as a container first starts: Program.cs runs it after the initialiser.</summary>
public class AdminBootstrapTests
{
    private const string Passphrase = "an unattended first attorney passphrase";

    [Fact]
    public async Task WithoutAdminSettingsNoAccountExists()
    {
        using var factory = new SiteFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();

        Assert.Empty(users.Users);
        Assert.True(await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().RoleExistsAsync(StaffRoles.Attorney));
    }

    [Fact]
    public async Task TheAdminSettingsCreateTheFirstAttorneyOnceOnly()
    {
        using var factory = new SiteFactory(new Dictionary<string, string?>
        {
            ["Admin:Email"] = "michael@pirisite.test",
            ["Admin:Password"] = Passphrase,
        });
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();

        // The next start finds the account and leaves everything as it is.
        Assert.Equal(FirstAttorneyOutcome.StaffExist, await scope.ServiceProvider.GetRequiredService<FirstAttorneyBootstrap>().RunAsync());

        var attorney = Assert.Single(await users.GetUsersInRoleAsync(StaffRoles.Attorney));
        Assert.Single(users.Users);
        Assert.Equal("michael@pirisite.test", attorney.Email);
        Assert.True(await users.CheckPasswordAsync(attorney, Passphrase));
        // Not yet: RequireTwoFactorSetupFilter sends an account without it to set it up at first sign-in.
        Assert.False(attorney.TwoFactorEnabled);

        // Named as the firm profile names the attorney, so that screens say who did what (never "Attorney").
        Assert.Equal("Michael Piri", attorney.DisplayName);
    }

    [Fact]
    public async Task ThePasswordCanComeFromAFileAsADockerSecretDoes()
    {
        var secret = Path.GetTempFileName();
        await File.WriteAllTextAsync(secret, Passphrase + "\n");
        try
        {
            using var factory = new SiteFactory(new Dictionary<string, string?>
            {
                ["Admin:Email"] = "michael@pirisite.test",
                ["Admin:PasswordFile"] = secret,
            });
            await using var scope = factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();

            var attorney = Assert.Single(await users.GetUsersInRoleAsync(StaffRoles.Attorney));
            Assert.True(await users.CheckPasswordAsync(attorney, Passphrase));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public async Task NothingIsCreatedWhenAStaffAccountAlreadyExists()
    {
        using var factory = new SiteFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.True((await StaffAccounts.CreateAsync(users, "paralegal@pirisite.test", "Ana Paralegal", "a paralegal's own passphrase", StaffRoles.Staff)).Succeeded);

        var outcome = await Bootstrap(scope.ServiceProvider, "michael@pirisite.test", Passphrase).RunAsync();

        Assert.Equal(FirstAttorneyOutcome.StaffExist, outcome);
        Assert.Empty(await users.GetUsersInRoleAsync(StaffRoles.Attorney));
        Assert.Null(await users.FindByEmailAsync("michael@pirisite.test"));
    }

    /// <summary>
    /// Two replicas start at once: both find no staff, both create the account. The database's unique user name keeps
    /// one; the other finds it made and starts normally. (PostgreSQL: several instances never share a SQLite file.)
    /// </summary>
    [PostgresFact]
    public async Task AReplicaThatLosesTheRaceFindsTheAttorneyTheOtherMadeAndStarts()
    {
        using var factory = new SiteFactory();
        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<SiteDbContext>();

        // The other replica's account, stored but not yet committed when this one looks.
        await using var otherReplica = await firstDb.Database.BeginTransactionAsync();
        var made = await StaffAccounts.CreateAsync(
            first.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), "michael@pirisite.test", "Michael Piri", Passphrase, StaffRoles.Attorney);
        Assert.True(made.Succeeded);
        var losing = Bootstrap(second.ServiceProvider, "michael@pirisite.test", Passphrase).RunAsync();
        await WaitUntilABackendWaitsForALockAsync(firstDb);
        await otherReplica.CommitAsync();

        Assert.Equal(FirstAttorneyOutcome.CreatedByAnotherInstance, await losing);
        var users = second.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Equal(1, await users.Users.CountAsync());
        Assert.Single(await users.GetUsersInRoleAsync(StaffRoles.Attorney));
    }

    [Fact]
    public async Task AWeakPasswordCreatesNothingAndTheSiteRefusesToStartSayingWhy()
    {
        var (exitCode, output) = await SiteServerProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["Admin__Email"] = "michael@pirisite.test",
            ["Admin__Password"] = "password1234",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("The site does not start: the Admin settings do not make a valid first Attorney account.", output, StringComparison.Ordinal);
        Assert.Contains("common", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("password1234", output, StringComparison.Ordinal);
        Assert.DoesNotContain("michael@pirisite.test", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmailWithoutAPasswordRefusesToStartSayingWhichSettingIsMissing()
    {
        var (exitCode, output) = await SiteServerProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["Admin__Email"] = "michael@pirisite.test",
            ["Admin__PasswordFile"] = "/run/secrets/no-such-secret",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Admin:PasswordFile /run/secrets/no-such-secret cannot be read", output, StringComparison.Ordinal);
    }

    private static FirstAttorneyBootstrap Bootstrap(IServiceProvider services, string email, string password) => new(
        services.GetRequiredService<SiteDbContext>(),
        services.GetRequiredService<UserManager<StaffUser>>(),
        Microsoft.Extensions.Options.Options.Create(new AdminBootstrapOptions { Email = email, Password = password }),
        NullLogger<FirstAttorneyBootstrap>.Instance);

    private static async Task WaitUntilABackendWaitsForALockAsync(SiteDbContext db)
    {
        for (var i = 0; i < 300; i++)
        {
            var waiting = await db.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()").SingleAsync();
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The second replica never waited for the first one's uncommitted account");
    }
}
