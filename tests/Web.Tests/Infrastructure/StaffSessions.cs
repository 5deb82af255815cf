using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data.Identity;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>Creates staff accounts and signs them in through the real sign-in pages, two-factor included.</summary>
public static partial class StaffSessions
{
    public const string Password = "a long and unusual test passphrase";

    /// <summary>Creates an account in the given role, with an authenticator already set up unless told otherwise.</summary>
    public static async Task<(StaffUser User, string AuthenticatorKey)> CreateAsync(
        SiteFactory factory, string email, string role, bool withTwoFactor = true)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var created = await StaffAccounts.CreateAsync(users, email, email.Split('@')[0], Password, role);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        var user = created.User!;
        if (!withTwoFactor)
        {
            // As a real new account: no authenticator key until the person sets one up.
            return (user, "");
        }

        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (user, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    public static HttpClient NewClient(SiteFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri(SiteFactory.BaseAddress),
        });

    /// <summary>Signs in with password and, when asked, the current authenticator code. Returns the client.</summary>
    public static async Task<HttpClient> SignInAsync(SiteFactory factory, string email, string authenticatorKey)
    {
        var client = NewClient(factory);
        await SignInWithAsync(client, email, authenticatorKey);
        return client;
    }

    /// <summary>Signs in through <paramref name="client"/> (any site it reaches), with password and authenticator code.</summary>
    public static async Task SignInWithAsync(HttpClient client, string email, string authenticatorKey)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await PostLoginAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.StartsWith("/account/two-factor-code", StringComparison.Ordinal))
        {
            var codePage = await client.GetStringAsync(response.Headers.Location);
            var codeResponse = await client.PostAsync("/account/two-factor-code", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = AntiforgeryToken(codePage),
                ["Code"] = Totp.Code(authenticatorKey),
                ["UseRecoveryCode"] = "false",
                ["ReturnUrl"] = "/admin",
            }));
            Assert.Equal(HttpStatusCode.Redirect, codeResponse.StatusCode);
            Assert.Equal("/admin", codeResponse.Headers.Location?.OriginalString);
        }
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["Email"] = email,
            ["Password"] = password,
            ["ReturnUrl"] = "/admin",
        }));
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
