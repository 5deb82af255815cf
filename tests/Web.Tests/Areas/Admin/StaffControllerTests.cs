using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Audit;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

public class StaffControllerTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TheAttorneyAddsDisablesAndReenablesAStaffMember()
    {
        var (attorney, key) = await StaffSessions.CreateAsync(factory, "boss@pirisite.test", StaffRoles.Attorney);
        using var client = await StaffSessions.SignInAsync(factory, attorney.Email!, key);
        var page = await client.GetStringAsync("/admin/staff");

        var created = await client.PostAsync("/admin/staff", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page),
            ["DisplayName"] = "Paralegal Pat",
            ["Email"] = "pat@pirisite.test",
            ["Role"] = StaffRoles.Staff,
            ["Password"] = StaffSessions.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        string patId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var pat = await users.FindByEmailAsync("pat@pirisite.test");
            Assert.NotNull(pat);
            Assert.True(await users.IsInRoleAsync(pat, StaffRoles.Staff));
            patId = pat.Id;
        }

        // Pat signs in (and would be asked to set up two-factor).
        using var patClient = StaffSessions.NewClient(factory);
        Assert.Equal("/admin", (await StaffSessions.PostLoginAsync(patClient, "pat@pirisite.test", StaffSessions.Password)).Headers.Location?.OriginalString);

        page = await client.GetStringAsync("/admin/staff");
        await client.PostAsync($"/admin/staff/{patId}/disable", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page),
            ["confirmed"] = "true",
        }));

        // Disabled: the open session ends and a new sign-in fails.
        Assert.Equal(HttpStatusCode.Redirect, (await patClient.GetAsync("/account/two-factor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await StaffSessions.PostLoginAsync(StaffSessions.NewClient(factory), "pat@pirisite.test", StaffSessions.Password)).StatusCode);

        await client.PostAsync($"/admin/staff/{patId}/enable", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSessions.PostLoginAsync(StaffSessions.NewClient(factory), "pat@pirisite.test", StaffSessions.Password)).StatusCode);

        await using var db = factory.CreateDbScope();
        var actions = await db.Db.AuditEntries.Where(a => a.ActorId == attorney.Id).Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditActions.AccountCreated, actions);
        Assert.Contains(AuditActions.AccountDisabled, actions);
        Assert.Contains(AuditActions.AccountEnabled, actions);
        Assert.False(await db.Db.AuditEntries.AnyAsync(a => (a.Details ?? "").Contains(StaffSessions.Password) || (a.Target ?? "").Contains(StaffSessions.Password)));
    }

    [Fact]
    public async Task ResettingTwoFactorMakesTheStaffMemberSetItUpAgain()
    {
        var (attorney, key) = await StaffSessions.CreateAsync(factory, "boss2@pirisite.test", StaffRoles.Attorney);
        var (staff, staffKey) = await StaffSessions.CreateAsync(factory, "lostphone@pirisite.test", StaffRoles.Staff);
        using var client = await StaffSessions.SignInAsync(factory, attorney.Email!, key);
        var page = await client.GetStringAsync("/admin/staff");

        await client.PostAsync($"/admin/staff/{staff.Id}/reset-two-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page),
            ["confirmed"] = "true",
        }));

        using var staffClient = StaffSessions.NewClient(factory);
        Assert.Equal("/admin", (await StaffSessions.PostLoginAsync(staffClient, staff.Email!, StaffSessions.Password)).Headers.Location?.OriginalString);
        Assert.Equal("/account/two-factor", (await staffClient.GetAsync("/admin")).Headers.Location?.OriginalString);
        _ = staffKey;
    }

    [Fact]
    public async Task AWeakPasswordForANewStaffMemberIsRefusedWithItsReasonAndTheOtherValuesKept()
    {
        var (attorney, key) = await StaffSessions.CreateAsync(factory, "boss3@pirisite.test", StaffRoles.Attorney);
        using var client = await StaffSessions.SignInAsync(factory, attorney.Email!, key);
        var page = await client.GetStringAsync("/admin/staff");

        var response = await client.PostAsync("/admin/staff", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page),
            ["DisplayName"] = "Weak Walter",
            ["Email"] = "walter@pirisite.test",
            ["Role"] = StaffRoles.Staff,
            ["Password"] = "short",
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("at least 12 characters", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Weak Walter\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"walter@pirisite.test\"", html, StringComparison.Ordinal);
    }
}
