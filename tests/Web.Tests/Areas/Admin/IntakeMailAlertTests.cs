using System.Globalization;
using System.Net;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Messaging;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// A mail outage is visible: when an intake notice has failed or has waited more than 15 minutes, the dashboard
/// warns (with a link to the outbox for the Attorney) and /healthz answers Degraded (still 200); both clear once
/// the notice is sent. An acknowledgement alone does not raise the alarm.
/// </summary>
public sealed class IntakeMailAlertTests
{
    private const string Warning = "Intake emails are not reaching the firm";
    private const string OutboxLink = "<a href=\"/admin/outbox\">";

    private static Dictionary<string, string?> Settings(int maxAttempts, int retryBaseSeconds) => new()
    {
        ["Mail:MaxAttempts"] = maxAttempts.ToString(CultureInfo.InvariantCulture),
        ["Mail:RetryBaseSeconds"] = retryBaseSeconds.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task AnIntakeNoticeWaitingMoreThanFifteenMinutesWarnsAndDegradesHealthUntilItIsSent()
    {
        using var factory = new OutboxSiteFactory(Settings(maxAttempts: 30, retryBaseSeconds: 600));
        using var attorney = await SignInAsync(factory, StaffRoles.Attorney);
        using var staff = await SignInAsync(factory, StaffRoles.Staff);
        await OutboxControllerTests.SubmitAsync(factory);
        await factory.WaitForOutboxAsync(m => m.Attempts >= 1);

        // A few minutes' delay is normal: no alarm yet.
        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.DoesNotContain(Warning, await attorney.GetStringAsync("/admin"), StringComparison.Ordinal);
        await AssertHealthAsync(factory, "Healthy");

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var dashboard = await attorney.GetStringAsync("/admin");
        Assert.Contains($"{Warning}: 1 waiting more than 15 minutes.", dashboard, StringComparison.Ordinal);
        Assert.Contains(OutboxLink, dashboard, StringComparison.Ordinal);
        await AssertHealthAsync(factory, "Degraded");

        // Staff see the warning too, without a link to a page they may not open.
        var staffDashboard = await staff.GetStringAsync("/admin");
        Assert.Contains(Warning, staffDashboard, StringComparison.Ordinal);
        Assert.DoesNotContain(OutboxLink, staffDashboard, StringComparison.Ordinal);

        // The server is back: the next scheduled attempt (ten minutes after the first failure, already due) delivers.
        factory.Transport.Failing = false;
        factory.Clock.Advance(TimeSpan.FromMinutes(25));
        await factory.WaitForOutboxAsync(m => m.Status == OutboxStatus.Sent);

        Assert.DoesNotContain(Warning, await attorney.GetStringAsync("/admin"), StringComparison.Ordinal);
        await AssertHealthAsync(factory, "Healthy");
    }

    [Fact]
    public async Task AFailedIntakeNoticeWarnsAtOnceAndTheWarningClearsWhenARetrySendsIt()
    {
        using var factory = new OutboxSiteFactory(Settings(maxAttempts: 1, retryBaseSeconds: 600));
        using var attorney = await SignInAsync(factory, StaffRoles.Attorney);
        await OutboxControllerTests.SubmitAsync(factory);
        var failed = await factory.WaitForOutboxAsync(m => m.Status == OutboxStatus.Failed);

        var dashboard = await attorney.GetStringAsync("/admin");
        Assert.Contains($"{Warning}: 1 failed.", dashboard, StringComparison.Ordinal);
        Assert.Contains(OutboxLink, dashboard, StringComparison.Ordinal);
        await AssertHealthAsync(factory, "Degraded");

        factory.Transport.Failing = false;
        var intake = failed.Single(m => m.Kind == OutboxKind.IntakeNotice);
        var token = StaffSessions.AntiforgeryToken(await attorney.GetStringAsync("/admin/outbox"));
        var retry = await attorney.PostAsync($"/admin/outbox/{intake.Id}/retry",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        await factory.WaitForOutboxAsync(m => m.Kind != OutboxKind.IntakeNotice || m.Status == OutboxStatus.Sent);

        // The acknowledgement is still failed (it is on the outbox page), but the firm hears of the request.
        Assert.DoesNotContain(Warning, await attorney.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.Contains("1 undelivered message, 1 failed.", await attorney.GetStringAsync("/admin/outbox"), StringComparison.Ordinal);
        await AssertHealthAsync(factory, "Healthy");
    }

    private static async Task AssertHealthAsync(SiteFactory factory, string expected)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/healthz");

        // Degraded is still 200: a load balancer keeps the site in service; a monitor reads the word.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (await response.Content.ReadAsStringAsync()).Split('\n')[0]);
    }

    private static async Task<HttpClient> SignInAsync(OutboxSiteFactory factory, string role)
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@pirisite.test", role);
        return await StaffSessions.SignInAsync(factory, user.Email!, key);
    }
}
