using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Audit;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// Disabling a staff account and resetting its two-factor sign-in each show what will happen first, and happen
/// only when that page posts again with confirmed=true; the list says each person's state in words.
/// </summary>
public class StaffConfirmationTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task DisablingAnAccountFirstSaysWhatWillHappenAndChangesNothing()
    {
        var client = await AttorneyAsync("confirm.disable.boss@pirisite.test");
        var maria = await StaffMemberAsync("maria.lopez@pirisite.test", "Maria Lopez");
        await AssignRequestsAsync(maria.Id, "Maria Lopez", LeadStatus.Contacted, LeadStatus.NotRetained);

        var response = await PostAsync(client, $"/admin/staff/{maria.Id}/disable");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Disable Maria Lopez's account?", Html.Headings(html, 1).Single());
        var text = Html.Text(html);
        Assert.Contains("Maria Lopez will no longer be able to sign in", text, StringComparison.Ordinal);
        Assert.Contains("Their open request stays assigned to them", text, StringComparison.Ordinal);
        AssertConfirmForm(html, $"/admin/staff/{maria.Id}/disable");
        Assert.False(await IsDisabledAsync(maria.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSessions.PostLoginAsync(StaffSessions.NewClient(factory), maria.Email!, StaffSessions.Password)).StatusCode);
        Assert.False(await AuditedAsync(AuditActions.AccountDisabled, maria.Email!));

        var confirmed = await PostAsync(client, $"/admin/staff/{maria.Id}/disable", confirmed: "true");

        Assert.Equal("/admin/staff", confirmed.Headers.Location?.OriginalString);
        Assert.True(await IsDisabledAsync(maria.Id));
        Assert.True(await AuditedAsync(AuditActions.AccountDisabled, maria.Email!));
    }

    [Fact]
    public async Task ResettingTwoFactorFirstSaysWhatWillHappenAndChangesNothing()
    {
        var client = await AttorneyAsync("confirm.reset.boss@pirisite.test");
        var (sam, samKey) = await StaffSessions.CreateAsync(factory, "sam.reset@pirisite.test", StaffRoles.Staff);

        var response = await PostAsync(client, $"/admin/staff/{sam.Id}/reset-two-factor");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Reset sam.reset's two-factor sign-in?", Html.Headings(html, 1).Single());
        var text = Html.Text(html);
        Assert.Contains("Their authenticator stops working", text, StringComparison.Ordinal);
        Assert.Contains("At next sign-in they must set up a new one", text, StringComparison.Ordinal);
        AssertConfirmForm(html, $"/admin/staff/{sam.Id}/reset-two-factor");
        Assert.Equal((true, samKey), await TwoFactorAsync(sam.Id));

        // Anything but "true" is not a confirmation.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/admin/staff/{sam.Id}/reset-two-factor", confirmed: "banana")).StatusCode);
        Assert.Equal((true, samKey), await TwoFactorAsync(sam.Id));

        var confirmed = await PostAsync(client, $"/admin/staff/{sam.Id}/reset-two-factor", confirmed: "true");

        Assert.Equal("/admin/staff", confirmed.Headers.Location?.OriginalString);
        var (enabled, key) = await TwoFactorAsync(sam.Id);
        Assert.False(enabled);
        Assert.NotEqual(samKey, key);
    }

    [Fact]
    public async Task TheListSaysEachPersonsStateInWordsAndOffersOnlyWhatApplies()
    {
        var client = await AttorneyAsync("confirm.list.boss@pirisite.test");
        var ana = await StaffMemberAsync("ana.list@pirisite.test", "Ana Ruiz");
        await AssignRequestsAsync(ana.Id, "Ana Ruiz", LeadStatus.New, LeadStatus.ConsultationScheduled, LeadStatus.Retained);
        var (newcomer, _) = await StaffSessions.CreateAsync(factory, "newcomer.list@pirisite.test", StaffRoles.Staff, withTwoFactor: false);

        var html = await client.GetStringAsync("/admin/staff");

        var card = Card(html, "Ana Ruiz");
        Assert.Contains("Two-factor on", card, StringComparison.Ordinal);
        Assert.Contains("Active", card, StringComparison.Ordinal);
        Assert.Contains("2 open requests assigned", card, StringComparison.Ordinal);
        Assert.Contains("Reset two-factor", card, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);

        // No authenticator yet: nothing to reset.
        var newcomerCard = Card(html, "newcomer.list");
        Assert.Contains("Two-factor not set up", newcomerCard, StringComparison.Ordinal);
        Assert.DoesNotContain("Reset two-factor", newcomerCard, StringComparison.Ordinal);
        _ = newcomer;
    }

    private static void AssertConfirmForm(string html, string action)
    {
        Assert.Contains($"<form method=\"post\" action=\"{action}\"", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"confirmed\" value=\"true\">", html, StringComparison.Ordinal);
        Assert.Contains("/admin/staff", Html.Hrefs(html));
    }

    // The text of one person's card in the list (the list ends where the form to add someone begins).
    private static string Card(string html, string name) =>
        Html.Text(html[..html.IndexOf("id=\"add-staff\"", StringComparison.Ordinal)]
            .Split("<li class=\"staff-card")
            .Single(card => card.Contains($"<h2 class=\"staff-name\">{name}", StringComparison.Ordinal)));

    private async Task<HttpClient> AttorneyAsync(string email)
    {
        var (attorney, key) = await StaffSessions.CreateAsync(factory, email, StaffRoles.Attorney);
        return await StaffSessions.SignInAsync(factory, attorney.Email!, key);
    }

    private async Task<StaffUser> StaffMemberAsync(string email, string name)
    {
        var (user, _) = await StaffSessions.CreateAsync(factory, email, StaffRoles.Staff);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        stored.DisplayName = name;
        await users.UpdateAsync(stored);
        return stored;
    }

    private async Task AssignRequestsAsync(string staffId, string name, params LeadStatus[] statuses)
    {
        await using var scope = factory.CreateDbScope();
        foreach (var status in statuses)
        {
            var request = LeadRequests.Make($"Client of {name}", status);
            request.AssignTo(staffId, name);
            scope.Db.ConsultationRequests.Add(request);
        }

        await scope.Db.SaveChangesAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? confirmed = null)
    {
        var page = await client.GetStringAsync("/admin/staff");
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page) };
        if (confirmed is not null)
        {
            form["confirmed"] = confirmed;
        }

        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    private async Task<bool> IsDisabledAsync(string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(id))!.IsDisabled;
    }

    private async Task<(bool Enabled, string? Key)> TwoFactorAsync(string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByIdAsync(id))!;
        return (user.TwoFactorEnabled, await users.GetAuthenticatorKeyAsync(user));
    }

    private async Task<bool> AuditedAsync(string action, string target)
    {
        await using var scope = factory.CreateDbScope();
        return await scope.Db.AuditEntries.AnyAsync(a => a.Action == action && a.Target == target);
    }
}
