using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Data;

public class AdminBootstrapTests
{
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
            ["Admin:Password"] = "an unattended first attorney passphrase",
        });
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        await scope.ServiceProvider.GetRequiredService<SiteDbInitialiser>().InitialiseAsync();

        var attorneys = await users.GetUsersInRoleAsync(StaffRoles.Attorney);
        var attorney = Assert.Single(attorneys);
        Assert.Equal("michael@pirisite.test", attorney.Email);
        Assert.True(await users.CheckPasswordAsync(attorney, "an unattended first attorney passphrase"));
        Assert.False(attorney.TwoFactorEnabled);

        // Named as the firm profile names the attorney, so that screens say who did what (never "Attorney").
        Assert.Equal("Michael Piri", attorney.DisplayName);
    }

    [Fact]
    public async Task AWeakAdminPasswordCreatesNothing()
    {
        using var factory = new SiteFactory(new Dictionary<string, string?>
        {
            ["Admin:Email"] = "michael@pirisite.test",
            ["Admin:Password"] = "password",
        });
        await using var scope = factory.Services.CreateAsyncScope();

        Assert.Empty(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().Users);
    }
}
