using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Audit;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers.Account;

public class AccountControllerTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task SigningInWithPasswordAndAuthenticatorCodeReachesTheDashboard()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, "signin@pirisite.test", StaffRoles.Staff);

        using var client = await StaffSessions.SignInAsync(factory, user.Email!, key);
        var dashboard = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("<h1>Dashboard</h1>", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = factory.CreateDbScope();
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.ActorId == user.Id && a.Action == AuditActions.SignedIn));
    }

    [Fact]
    public async Task APasswordAloneIsNotEnough()
    {
        var (user, _) = await StaffSessions.CreateAsync(factory, "half@pirisite.test", StaffRoles.Staff);
        using var client = StaffSessions.NewClient(factory);

        var response = await StaffSessions.PostLoginAsync(client, user.Email!, StaffSessions.Password);
        var admin = await client.GetAsync("/admin");

        Assert.StartsWith("/account/two-factor-code", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("https://www.pirisite.test/account/login", admin.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongAuthenticatorCodeIsRefused()
    {
        var (user, _) = await StaffSessions.CreateAsync(factory, "wrongcode@pirisite.test", StaffRoles.Staff);
        using var client = StaffSessions.NewClient(factory);
        await StaffSessions.PostLoginAsync(client, user.Email!, StaffSessions.Password);
        var page = await client.GetStringAsync("/account/two-factor-code");

        var response = await client.PostAsync("/account/two-factor-code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page),
            ["Code"] = "000000",
            ["UseRecoveryCode"] = "false",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That code is not right", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task HeadOnTheTwoFactorSetUpCreatesNoKey()
    {
        var (user, _) = await StaffSessions.CreateAsync(factory, "header@pirisite.test", StaffRoles.Staff, withTwoFactor: false);
        using var client = StaffSessions.NewClient(factory);
        await StaffSessions.PostLoginAsync(client, user.Email!, StaffSessions.Password);

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/account/two-factor"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Null(await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(user.Email!))!));
    }

    [Fact]
    public async Task AtFirstSignInTheAccountMustSetUpTwoFactorAndGetsRecoveryCodes()
    {
        var (user, _) = await StaffSessions.CreateAsync(factory, "newcomer@pirisite.test", StaffRoles.Staff, withTwoFactor: false);
        using var client = StaffSessions.NewClient(factory);
        Assert.Equal("/admin", (await StaffSessions.PostLoginAsync(client, user.Email!, StaffSessions.Password)).Headers.Location?.OriginalString);

        var admin = await client.GetAsync("/admin");
        Assert.Equal("/account/two-factor", admin.Headers.Location?.OriginalString);

        var setup = await client.GetStringAsync("/account/two-factor");
        Assert.Contains("<svg", setup, StringComparison.Ordinal);
        var key = System.Text.RegularExpressions.Regex.Match(setup, "id=\"shared-key\">([^<]+)<").Groups[1].Value;
        var wrong = await client.PostAsync("/account/two-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(setup),
            ["Code"] = "123456",
        }));
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var enabled = await client.PostAsync("/account/two-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(setup),
            ["Code"] = Totp.Code(key),
        }));
        var codes = System.Text.RegularExpressions.Regex.Matches(await enabled.Content.ReadAsStringAsync(), "<li><code>([^<]+)</code></li>");

        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        // A recovery code signs in once.
        using var other = StaffSessions.NewClient(factory);
        await StaffSessions.PostLoginAsync(other, user.Email!, StaffSessions.Password);
        var codePage = await other.GetStringAsync("/account/two-factor-code?recovery=true");
        var recovered = await other.PostAsync("/account/two-factor-code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(codePage),
            ["Code"] = codes[0].Groups[1].Value,
            ["UseRecoveryCode"] = "true",
        }));
        Assert.Equal("/admin", recovered.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task FailureMessagesDoNotRevealWhetherAnAccountExists()
    {
        var (user, _) = await StaffSessions.CreateAsync(factory, "exists@pirisite.test", StaffRoles.Staff);
        using var client = StaffSessions.NewClient(factory);

        var wrongPassword = await (await StaffSessions.PostLoginAsync(client, user.Email!, "not the right password")).Content.ReadAsStringAsync();
        var unknownAccount = await (await StaffSessions.PostLoginAsync(client, "nobody@pirisite.test", "not the right password")).Content.ReadAsStringAsync();

        Assert.Equal(ErrorSummary(wrongPassword), ErrorSummary(unknownAccount));
        Assert.Contains("The email or password is not right", ErrorSummary(wrongPassword), StringComparison.Ordinal);
        Assert.DoesNotContain("not the right password", wrongPassword, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveFailuresLockTheAccountSoTheSixthAttemptFailsEvenWithTheRightPassword()
    {
        var (user, _) = await StaffSessions.CreateAsync(factory, "lockme@pirisite.test", StaffRoles.Staff);
        using var client = StaffSessions.NewClient(factory);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await StaffSessions.PostLoginAsync(client, user.Email!, "wrong password " + i)).StatusCode);
        }

        var sixth = await StaffSessions.PostLoginAsync(client, user.Email!, StaffSessions.Password);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("sign-in is paused", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = factory.CreateDbScope();
        var stored = await scope.Db.Users.SingleAsync(u => u.Id == user.Id);
        Assert.InRange(stored.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.ActorId == user.Id && a.Action == AuditActions.LockedOut));
        Assert.False(await scope.Db.AuditEntries.AnyAsync(a => a.Details != null && a.Details.Contains("wrong password")));
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    [InlineData(64, true)]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public async Task PasswordsMustBeTwelveToOneHundredTwentyEightCharacters(int length, bool accepted)
    {
        var password = string.Concat(Enumerable.Repeat("Zq8!xv", 30))[..length];

        var result = await CreateWithPasswordAsync($"len{length}@pirisite.test", password);

        Assert.Equal(accepted, result.Succeeded);
    }

    [Theory]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("Q1W2E3R4T5Y6")]
    [InlineData("123qweasdzxc")]
    public async Task CommonPasswordsAreRefusedWhateverTheirCase(string password)
    {
        var result = await CreateWithPasswordAsync($"common{password}@pirisite.test", password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("commonly used passwords", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoCompositionRulesApply()
    {
        var result = await CreateWithPasswordAsync("lowercase@pirisite.test", "every word lower case here");

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    [Fact]
    public async Task TheSessionCookieIsHostOnlySecureHttpOnlyAndStrict()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, "cookie@pirisite.test", StaffRoles.Staff);
        using var client = StaffSessions.NewClient(factory);
        var login = await StaffSessions.PostLoginAsync(client, user.Email!, StaffSessions.Password);
        var codePage = await client.GetStringAsync("/account/two-factor-code");

        var response = await client.PostAsync("/account/two-factor-code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(codePage),
            ["Code"] = Totp.Code(key),
            ["UseRecoveryCode"] = "false",
        }));

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-PiriSite=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.All(login.Headers.GetValues("Set-Cookie").Where(c => c.Contains("TwoFactor", StringComparison.Ordinal)),
            c => Assert.StartsWith("__Host-", c, StringComparison.Ordinal));

        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromMinutes(30), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
    }

    [Fact]
    public async Task SigningOutEndsTheAccountsOtherSessions()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, "twodevices@pirisite.test", StaffRoles.Staff);
        using var laptop = await StaffSessions.SignInAsync(factory, user.Email!, key);
        using var phone = await StaffSessions.SignInAsync(factory, user.Email!, key);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/admin")).StatusCode);

        var dashboard = await laptop.GetStringAsync("/admin");
        await laptop.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(dashboard),
        }));

        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task ChangingThePasswordKeepsThisSessionAndEndsTheOthers()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, "changer@pirisite.test", StaffRoles.Staff);
        using var laptop = await StaffSessions.SignInAsync(factory, user.Email!, key);
        using var phone = await StaffSessions.SignInAsync(factory, user.Email!, key);

        var page = await laptop.GetStringAsync("/account/password");
        var changed = await laptop.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page),
            ["CurrentPassword"] = StaffSessions.Password,
            ["NewPassword"] = "a brand new and quite long passphrase",
        }));

        Assert.Equal("/admin", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task AReturnUrlToAnotherSiteIsIgnored()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, "redirect@pirisite.test", StaffRoles.Staff);
        using var client = StaffSessions.NewClient(factory);
        var page = await client.GetStringAsync("/account/login");

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page),
            ["Email"] = user.Email!,
            ["Password"] = StaffSessions.Password,
            ["ReturnUrl"] = "https://evil.example/phish",
        }));

        Assert.DoesNotContain("evil.example", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        _ = key;
    }

    private async Task<StaffAccountResult> CreateWithPasswordAsync(string email, string password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await StaffAccounts.CreateAsync(users, email, "Test", password, StaffRoles.Staff);
    }

    private static string ErrorSummary(string html) =>
        Html.Text(html[html.IndexOf("id=\"error-summary\"", StringComparison.Ordinal)..html.IndexOf("</div>", html.IndexOf("id=\"error-summary\"", StringComparison.Ordinal), StringComparison.Ordinal)]);
}
