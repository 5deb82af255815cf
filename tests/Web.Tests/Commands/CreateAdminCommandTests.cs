using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Commands;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Commands;

public class CreateAdminCommandTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private const string Passphrase = "a long passphrase typed at the prompt";

    [Fact]
    public void OnlyTheCommandsNameAsFirstArgumentRunsIt()
    {
        Assert.True(CreateAdminCommand.IsRequested(["create-admin", "--email", "a@pirisite.test"]));
        Assert.False(CreateAdminCommand.IsRequested([]));
        Assert.False(CreateAdminCommand.IsRequested(["--urls", "http://127.0.0.1:5000", "create-admin"]));
    }

    [Fact]
    public async Task WithoutAnEmailItShowsHowToUseItAndCreatesNothing()
    {
        using var output = new StringWriter();

        var exitCode = await CreateAdminCommand.RunAsync(factory.Services, ["create-admin", "--name", "Nobody"], new StringReader(Passphrase), output);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Usage: create-admin --email ADDRESS", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItCreatesAnAttorneyWithThePasswordReadFromInputAndNeverWritesIt()
    {
        using var output = new StringWriter();

        var exitCode = await CreateAdminCommand.RunAsync(
            factory.Services, ["create-admin", "--email", "first@pirisite.test", "--name", "Michael Piri"], new StringReader(Passphrase + "\n"), output);

        Assert.Equal(0, exitCode);
        Assert.Contains("Created Attorney account first@pirisite.test.", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Passphrase, output.ToString(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync("first@pirisite.test");
        Assert.NotNull(user);
        Assert.Equal("Michael Piri", user.DisplayName);
        Assert.True(await users.IsInRoleAsync(user, StaffRoles.Attorney));
        Assert.True(await users.CheckPasswordAsync(user, Passphrase));
    }

    [Fact]
    public async Task WithoutANameTheAccountIsNamedAfterTheFirmsAttorneyNotTheRole()
    {
        using var output = new StringWriter();

        var exitCode = await CreateAdminCommand.RunAsync(
            factory.Services, ["create-admin", "--email", "unnamed@pirisite.test"], new StringReader(Passphrase + "\n"), output);

        Assert.Equal(0, exitCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync("unnamed@pirisite.test");
        Assert.Equal("Michael Piri", user?.DisplayName);
    }

    [Fact]
    public async Task ACommonPasswordCreatesNothingAndSaysWhy()
    {
        using var output = new StringWriter();

        var exitCode = await CreateAdminCommand.RunAsync(
            factory.Services, ["create-admin", "--email", "weak@pirisite.test"], new StringReader("password1234\n"), output);

        Assert.Equal(1, exitCode);
        Assert.Contains("The account was not created:", output.ToString(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync("weak@pirisite.test"));
    }
}
