using System.Net;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Extensions;
using PiriSite.Web.Options;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Extensions;

public class IdentityExtensionsTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "PiriSite.Web";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Theory]
    [InlineData("Development", true, true)]
    [InlineData("Development", false, false)]
    [InlineData("Production", false, true)]
    [InlineData("Staging", false, true)]
    [InlineData("Production", true, true)]
    public void TwoFactorCanBeTurnedOffInDevelopmentOnly(string environment, bool setting, bool required) =>
        Assert.Equal(required, IdentityExtensions.TwoFactorRequired(new SecurityOptions { RequireTwoFactor = setting }, new Environment(environment)));

    [Fact]
    public async Task SignInAttemptsAreRateLimitedPerClient()
    {
        using var factory = new SiteFactory(new Dictionary<string, string?> { ["Security:SignInRateLimit:PermitLimit"] = "3" });
        var (user, _) = await StaffSessions.CreateAsync(factory, "limited@pirisite.test", StaffRoles.Staff);
        using var client = StaffSessions.NewClient(factory);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await StaffSessions.PostLoginAsync(client, user.Email!, "wrong " + i)).StatusCode);
        }

        var limited = await StaffSessions.PostLoginAsync(client, user.Email!, StaffSessions.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Please wait a moment", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
