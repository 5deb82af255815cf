using System.Net;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// Who may destroy a consultation request (only the Attorney; Staff quarantine), and that looking at one with
/// HEAD changes nothing.
/// </summary>
public sealed class LeadDeletionTests : IDisposable
{
    private readonly SiteFactory _factory = new();

    private async Task<ConsultationRequest> AddRequestAsync(string name, LeadStatus status = LeadStatus.New)
    {
        await using var scope = _factory.CreateDbScope();
        var request = LeadRequests.Make(name, status, phone: null, email: "someone@example.com", area: null);
        scope.Db.ConsultationRequests.Add(request);
        await scope.Db.SaveChangesAsync();
        return request;
    }

    private async Task<HttpClient> SignInAsync(string role)
    {
        var (user, key) = await StaffSessions.CreateAsync(_factory, $"{Guid.NewGuid():N}@pirisite.test", role);
        return await StaffSessions.SignInAsync(_factory, user.Email!, key);
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", StaffSessions.AntiforgeryToken(page))));

    [Fact]
    public async Task StaffCanQuarantineARequestButNeitherDeleteItNorDeleteSpamInBulk()
    {
        var genuine = await AddRequestAsync("Genuine Person");
        var spam = await AddRequestAsync("Bot Account", LeadStatus.Spam);
        using var staff = await SignInAsync(StaffRoles.Staff);
        var page = await staff.GetStringAsync($"/admin/leads/{genuine.Reference}");

        // Quarantine is allowed: a genuine request can be moved to Spam by Staff...
        var quarantined = await staff.PostAsync($"/admin/leads/{genuine.Reference}", Form(page, ("Status", nameof(LeadStatus.Spam))));
        var quarantine = await staff.GetStringAsync("/admin/leads?view=spam");

        // ...but not destroyed, neither alone nor from the quarantine in bulk.
        var single = await staff.PostAsync($"/admin/leads/{genuine.Reference}/delete", Form(page, ("confirmed", "true")));
        var bulk = await staff.PostAsync("/admin/leads/spam/delete", Form(quarantine, ("references", genuine.Reference), ("references", spam.Reference)));

        Assert.Equal(HttpStatusCode.Redirect, quarantined.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, single.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bulk.StatusCode);
        Assert.DoesNotContain("Delete the selected requests", quarantine, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"references\"", quarantine, StringComparison.Ordinal);
        Assert.Contains("Only the attorney can delete requests.", quarantine, StringComparison.Ordinal);
        Assert.DoesNotContain($"/admin/leads/{genuine.Reference}/delete", page, StringComparison.Ordinal);
        await using var scope = _factory.CreateDbScope();
        var left = await scope.Db.ConsultationRequests.Select(r => new { r.Reference, r.Status }).ToListAsync();
        Assert.Contains(left, r => r.Reference == genuine.Reference && r.Status == LeadStatus.Spam);
        Assert.Contains(left, r => r.Reference == spam.Reference);
        Assert.False(await scope.Db.AuditEntries.AnyAsync(a => a.Action.Contains("deleted")));
    }

    [Fact]
    public async Task TheAttorneyDeletesSpamInBulkAndTheAuditNamesTheReferencesNeverThePeople()
    {
        var bot1 = await AddRequestAsync("Bot Number One", LeadStatus.Spam);
        var bot2 = await AddRequestAsync("Bot Number Two", LeadStatus.Spam);
        var genuine = await AddRequestAsync("Not In Quarantine");
        using var attorney = await SignInAsync(StaffRoles.Attorney);
        var quarantine = await attorney.GetStringAsync("/admin/leads?view=spam");

        // A request that is not (or no longer) in quarantine is never deleted by the bulk action.
        var response = await attorney.PostAsync("/admin/leads/spam/delete",
            Form(quarantine, ("references", bot1.Reference), ("references", bot2.Reference), ("references", genuine.Reference), ("confirmed", "true")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Delete the selected requests", quarantine, StringComparison.Ordinal);
        await using var scope = _factory.CreateDbScope();
        Assert.Equal([genuine.Reference], await scope.Db.ConsultationRequests.Select(r => r.Reference).ToListAsync());
        var entry = await scope.Db.AuditEntries.SingleAsync(a => a.Action == "Suspected spam deleted");
        Assert.Equal("2 request(s)", entry.Target);
        Assert.Contains(bot1.Reference, entry.Details, StringComparison.Ordinal);
        Assert.Contains(bot2.Reference, entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(genuine.Reference, entry.Details, StringComparison.Ordinal);
        Assert.False(await scope.Db.AuditEntries.AnyAsync(a => (a.Details ?? "").Contains("Bot") || (a.Target ?? "").Contains("Bot")));
    }

    [Fact]
    public async Task TheAttorneysDeletionOfOneRequestIsAuditedWithItsReference()
    {
        var request = await AddRequestAsync("Contacted Person", LeadStatus.Contacted);
        using var attorney = await SignInAsync(StaffRoles.Attorney);
        var page = await attorney.GetStringAsync($"/admin/leads/{request.Reference}");

        var response = await attorney.PostAsync($"/admin/leads/{request.Reference}/delete", Form(page, ("confirmed", "true")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = _factory.CreateDbScope();
        Assert.False(await scope.Db.ConsultationRequests.AnyAsync());
        var entry = await scope.Db.AuditEntries.SingleAsync(a => a.Action == "Consultation request deleted");
        Assert.Equal(request.Reference, entry.Target);
        Assert.DoesNotContain("Contacted Person", $"{entry.Target} {entry.Details}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadOnARequestOrTheExportChangesNothingWhileGetMarksReadAndAudits()
    {
        var request = await AddRequestAsync("Unread Person");
        using var staff = await SignInAsync(StaffRoles.Staff);

        using var head = await staff.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/admin/leads/{request.Reference}"));
        using var headExport = await staff.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/admin/leads/export"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.OK, headExport.StatusCode);
        await using (var scope = _factory.CreateDbScope())
        {
            Assert.True((await scope.Db.ConsultationRequests.SingleAsync()).IsUnread);
            Assert.False(await scope.Db.AuditEntries.AnyAsync(a => a.Action == "Consultation request viewed" || a.Action == "Consultation requests exported"));
        }

        // The same addresses with GET do what they always did.
        using var get = await staff.GetAsync($"/admin/leads/{request.Reference}");
        using var getExport = await staff.GetAsync("/admin/leads/export");

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        await using var after = _factory.CreateDbScope();
        Assert.False((await after.Db.ConsultationRequests.SingleAsync()).IsUnread);
        Assert.True(await after.Db.AuditEntries.AnyAsync(a => a.Action == "Consultation request viewed" && a.Target == request.Reference));
        Assert.True(await after.Db.AuditEntries.AnyAsync(a => a.Action == "Consultation requests exported"));
    }

    public void Dispose() => _factory.Dispose();
}
