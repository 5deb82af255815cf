using System.Net;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Extensions;

/// <summary>Every cookie the site sets is a __Host- cookie: Secure, HttpOnly, SameSite=Strict, path /, no domain.</summary>
public class SiteCookiesTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TheConsultationFormItsPostAndTheTempDataCookieAreHostOnlySecureHttpOnlyAndStrict()
    {
        using var client = StaffSessions.NewClient(factory);

        using var page = await client.GetAsync("/consultation");
        var form = ConsultationForm.FromPage(await page.Content.ReadAsStringAsync());
        using var posted = await form.PostAsync(client);
        using var received = await client.GetAsync(posted.Headers.Location);

        var pageCookies = CookiesOf(page);
        var postCookies = CookiesOf(posted);
        Assert.Contains(pageCookies, c => c.StartsWith("__Host-PiriSite.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains(postCookies, c => c.StartsWith("__Host-PiriSite.TempData=", StringComparison.Ordinal));
        AssertAllHardened([.. pageCookies, .. postCookies, .. CookiesOf(received)]);
    }

    [Fact]
    public async Task TheSignInPagesCookiesAreHostOnlySecureHttpOnlyAndStrict()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, "cookies@pirisite.test", StaffRoles.Staff);
        using var client = StaffSessions.NewClient(factory);

        using var loginPage = await client.GetAsync("/account/login");
        var login = await StaffSessions.PostLoginAsync(client, user.Email!, StaffSessions.Password);
        var codePage = await client.GetStringAsync("/account/two-factor-code");
        using var signedIn = await client.PostAsync("/account/two-factor-code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(codePage),
            ["Code"] = Totp.Code(key),
            ["UseRecoveryCode"] = "false",
        }));
        var passwordPage = await client.GetStringAsync("/account/password");
        using var changed = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(passwordPage),
            ["CurrentPassword"] = StaffSessions.Password,
            ["NewPassword"] = "another long and unusual passphrase",
        }));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains(CookiesOf(loginPage), c => c.StartsWith("__Host-PiriSite.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains(CookiesOf(changed), c => c.StartsWith("__Host-PiriSite.TempData=", StringComparison.Ordinal));
        AssertAllHardened([.. CookiesOf(loginPage), .. CookiesOf(login), .. CookiesOf(signedIn), .. CookiesOf(changed)]);
    }

    private static List<string> CookiesOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    private static void AssertAllHardened(IReadOnlyCollection<string> cookies)
    {
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie =>
        {
            var (name, attributes) = ObservatoryScore.ParseCookie(cookie);
            Assert.True(name.StartsWith("__Host-", StringComparison.Ordinal), cookie);
            Assert.True(attributes.ContainsKey("secure"), cookie);
            Assert.True(attributes.ContainsKey("httponly"), cookie);
            Assert.Equal("strict", attributes.GetValueOrDefault("samesite")?.ToLowerInvariant());
            Assert.Equal("/", attributes.GetValueOrDefault("path"));
            Assert.False(attributes.ContainsKey("domain"), cookie);
        });
    }
}
