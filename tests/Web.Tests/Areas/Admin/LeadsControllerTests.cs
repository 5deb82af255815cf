using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

public sealed class LeadsControllerTests : IDisposable
{
    // The retention test runs the job itself: the hosted one's first run could delete its old requests first.
    private readonly SiteFactory _factory = new(new Dictionary<string, string?> { ["Leads:PageSize"] = "5", ["Leads:SearchCap"] = "8" })
    {
        RunsBackgroundServices = false,
    };

    private async Task<ConsultationRequest> AddRequestAsync(
        string name, LeadStatus status = LeadStatus.New, string? phone = "(214) 555-0100", string? email = null,
        string? area = "asylum", ContactLanguage language = ContactLanguage.English, Urgency urgency = Urgency.None,
        DateOnly? courtDate = null, string description = "A description.", DateTime? createdAt = null, DateTime? statusChangedAt = null)
    {
        await using var scope = _factory.CreateDbScope();
        var request = LeadRequests.Make(name, status, phone, email, area, language, urgency, courtDate, description, createdAt);
        scope.Db.ConsultationRequests.Add(request);
        await scope.Db.SaveChangesAsync();
        if (statusChangedAt is { } changedAt)
        {
            await scope.Db.ConsultationRequests.Where(r => r.Id == request.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusChangedAt, changedAt));
        }

        return request;
    }

    private async Task<HttpClient> SignInAsync(string role = StaffRoles.Staff)
    {
        var (user, key) = await StaffSessions.CreateAsync(_factory, $"{Guid.NewGuid():N}@pirisite.test", role);
        return await StaffSessions.SignInAsync(_factory, user.Email!, key);
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", StaffSessions.AntiforgeryToken(page))));

    [Fact]
    public async Task TheInboxListsUrgentFirstOrNewestFirstWithUrgencyAndUnreadMarkersAndHidesSpam()
    {
        // The urgent request is neither the newest nor the oldest: newest first and urgent first give different orders.
        await AddRequestAsync("Older Person", createdAt: DateTime.UtcNow.AddHours(-3));
        await AddRequestAsync("Detained Relative", urgency: Urgency.Detained, createdAt: DateTime.UtcNow.AddHours(-2));
        await AddRequestAsync("Newest Person", createdAt: DateTime.UtcNow.AddHours(-1));
        await AddRequestAsync("Spam Bot", status: LeadStatus.Spam);
        using var client = await SignInAsync();

        var html = await client.GetStringAsync("/admin/leads");
        var newestFirst = await client.GetStringAsync("/admin/leads?sort=newest");

        Assert.Equal(["Detained Relative", "Newest Person", "Older Person"], Positions(html, "Newest Person", "Detained Relative", "Older Person"));
        Assert.Equal(["Newest Person", "Detained Relative", "Older Person"], Positions(newestFirst, "Newest Person", "Detained Relative", "Older Person"));
        Assert.DoesNotContain("Spam Bot", html, StringComparison.Ordinal);
        Assert.Contains("class=\"lead-card lead-card-urgent lead-card-unread\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"urgent-mark\">Urgent</strong> <span>Someone detained</span>", html, StringComparison.Ordinal);
        Assert.Contains("Unread: </span>", html, StringComparison.Ordinal);
        Assert.Contains("2 h ago", html, StringComparison.Ordinal);
        Assert.Contains("Suspected spam <span class=\"count\">1</span>", html, StringComparison.Ordinal);
    }

    /// <summary>The names in the order the page shows them; fails when one of them is missing.</summary>
    private static List<string> Positions(string html, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(html.Contains(name, StringComparison.Ordinal), $"{name} is not on the page");
        }

        return [.. names.OrderBy(name => html.IndexOf(name, StringComparison.Ordinal))];
    }

    [Fact]
    public async Task FiltersNarrowTheListAndLiveInTheQueryString()
    {
        await AddRequestAsync("Spanish Asylum", area: "asylum", language: ContactLanguage.Spanish);
        await AddRequestAsync("French Court", area: "immigration-court", language: ContactLanguage.French, urgency: Urgency.CourtDate, courtDate: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)));
        await AddRequestAsync("Contacted Person", status: LeadStatus.Contacted);
        await AddRequestAsync("Last Month", createdAt: DateTime.UtcNow.AddDays(-40));
        using var client = await SignInAsync();

        var spanish = await client.GetStringAsync("/admin/leads?language=Spanish");
        var court = await client.GetStringAsync("/admin/leads?area=immigration-court");
        var urgent = await client.GetStringAsync("/admin/leads?urgent=true");
        var contacted = await client.GetStringAsync("/admin/leads?status=Contacted");
        var recent = await client.GetStringAsync($"/admin/leads?from={DateTime.UtcNow.AddDays(-7):yyyy-MM-dd}");

        Assert.Contains("Spanish Asylum", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("French Court", spanish, StringComparison.Ordinal);
        Assert.Contains("French Court", court, StringComparison.Ordinal);
        Assert.DoesNotContain("Spanish Asylum", court, StringComparison.Ordinal);
        Assert.Contains("French Court", urgent, StringComparison.Ordinal);
        Assert.DoesNotContain("Spanish Asylum", urgent, StringComparison.Ordinal);
        Assert.Contains("Contacted Person", contacted, StringComparison.Ordinal);
        Assert.DoesNotContain("Spanish Asylum", contacted, StringComparison.Ordinal);
        Assert.DoesNotContain("Last Month", recent, StringComparison.Ordinal);
        Assert.Contains("Spanish Asylum", recent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Zuleika")]
    [InlineData("zuleika.b@example")]
    [InlineData("555-0177")]
    [InlineData("deportation hearing in Fort Worth")]
    public async Task SearchIsPostedAndFindsNameEmailPhoneAndDescription(string term)
    {
        await AddRequestAsync("Zuleika Braganza", phone: "(469) 555-0177", email: "zuleika.b@example.com", description: "A deportation hearing in Fort Worth next month.");
        await AddRequestAsync("Someone Else");
        using var client = await SignInAsync();
        var page = await client.GetStringAsync("/admin/leads");

        var response = await client.PostAsync("/admin/leads/search", Form(page, ("Q", term)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Zuleika Braganza", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone Else", html, StringComparison.Ordinal);
        Assert.DoesNotContain("q=", string.Concat(Html.Hrefs(html)), StringComparison.OrdinalIgnoreCase);

        // A search term put into the address by hand is ignored, never echoed.
        var byUrl = await client.GetStringAsync("/admin/leads?q=Zuleika");
        Assert.Contains("Someone Else", byUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABroadSearchListsTheNewestMatchesAndSaysThereAreMore()
    {
        for (var i = 0; i < 10; i++)
        {
            // Received in order, as real requests are: the last stored is the newest.
            await AddRequestAsync($"Broad {i:D2}", description: "Detained after a traffic stop.", createdAt: DateTime.UtcNow.AddMinutes(i - 10));
        }

        using var client = await SignInAsync();
        var page = await client.GetStringAsync("/admin/leads");

        var html = await (await client.PostAsync("/admin/leads/search", Form(page, ("Q", "traffic stop")))).Content.ReadAsStringAsync();
        var narrow = await (await client.PostAsync("/admin/leads/search", Form(page, ("Q", "Broad 00")))).Content.ReadAsStringAsync();

        Assert.Contains("8 requests matching your search", html, StringComparison.Ordinal);
        Assert.Contains("matches more requests than it lists", html, StringComparison.Ordinal);
        Assert.Contains("Broad 09", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Broad 00", html, StringComparison.Ordinal);
        Assert.Contains("1 request matching your search", narrow, StringComparison.Ordinal);
        Assert.DoesNotContain("matches more requests than it lists", narrow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePagesSplitTheListAndKeepTheFilters()
    {
        for (var i = 0; i < 12; i++)
        {
            await AddRequestAsync($"Person {i:D2}", language: ContactLanguage.French, createdAt: DateTime.UtcNow.AddMinutes(-i));
        }

        using var client = await SignInAsync();

        var first = await client.GetStringAsync("/admin/leads?language=French");
        var third = await client.GetStringAsync("/admin/leads?language=French&page=3");

        Assert.Contains("Person 00", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Person 05", first, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 3", first, StringComparison.Ordinal);
        Assert.Contains("/admin/leads?language=French&amp;page=2", first, StringComparison.Ordinal);
        Assert.Contains("Person 11", third, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeedsAResponseListsNewRequestsOlderThanADay()
    {
        await AddRequestAsync("Waiting Two Days", createdAt: DateTime.UtcNow.AddDays(-2));
        await AddRequestAsync("Arrived Now");
        using var client = await SignInAsync();

        var html = await client.GetStringAsync("/admin/leads?view=needs-response");
        var dashboard = await client.GetStringAsync("/admin");

        Assert.Contains("Waiting Two Days", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Arrived Now", html, StringComparison.Ordinal);
        Assert.Contains("waiting more than 24 hours", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestShowsEverythingAndIsMarkedReadAndAudited()
    {
        var request = await AddRequestAsync("Amadou Diallo", phone: "(972) 555-0123", email: "amadou@example.com", description: "Mon cousin a été arrêté.");
        await AddRequestAsync("Amadou Diallo Senior", phone: "972.555.0123");
        using var client = await SignInAsync();

        var html = await client.GetStringAsync($"/admin/leads/{request.Reference}");

        Assert.Contains("tel:+19725550123", Html.Hrefs(html));
        Assert.Contains("mailto:amadou@example.com", Html.Hrefs(html));
        Assert.Contains("Mon cousin a été arrêté.", html, StringComparison.Ordinal);
        Assert.Contains("Possible earlier contact", html, StringComparison.Ordinal);
        Assert.Contains("Amadou Diallo Senior", html, StringComparison.Ordinal);
        await using var scope = _factory.CreateDbScope();
        Assert.False((await scope.Db.ConsultationRequests.SingleAsync(r => r.Id == request.Id)).IsUnread);
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == "Consultation request viewed" && a.Target == request.Reference));
        Assert.False(await scope.Db.AuditEntries.AnyAsync(a => (a.Details ?? "").Contains("cousin") || (a.Target ?? "").Contains("Amadou")));
    }

    [Fact]
    public async Task StatusMovesFollowThePipelineAndIllegalOnesAreRefusedWithAMessage()
    {
        var request = await AddRequestAsync("Pipeline Person");
        using var client = await SignInAsync();
        var page = await client.GetStringAsync($"/admin/leads/{request.Reference}");

        var refused = await client.PostAsync($"/admin/leads/{request.Reference}", Form(page, ("Status", "Retained")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("A request that is New cannot become Retained.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await client.PostAsync($"/admin/leads/{request.Reference}", Form(page, ("Status", "Contacted")));
        await client.PostAsync($"/admin/leads/{request.Reference}", Form(page, ("Status", "ConsultationScheduled")));
        var html = await client.GetStringAsync($"/admin/leads/{request.Reference}");

        Assert.Contains("Contacted → Consultation scheduled", html, StringComparison.Ordinal);
        Assert.Contains("New → Contacted", html, StringComparison.Ordinal);
        await using var scope = _factory.CreateDbScope();
        Assert.Equal(LeadStatus.ConsultationScheduled, (await scope.Db.ConsultationRequests.SingleAsync(r => r.Id == request.Id)).Status);
    }

    [Fact]
    public async Task NotesAssignmentFollowUpAndUnreadAreKeptWithWhoAndWhen()
    {
        var request = await AddRequestAsync("Follow Up Person");
        var (paralegal, _) = await StaffSessions.CreateAsync(_factory, "paralegal.pat@pirisite.test", StaffRoles.Staff);
        using var client = await SignInAsync();
        var page = await client.GetStringAsync($"/admin/leads/{request.Reference}");

        await client.PostAsync($"/admin/leads/{request.Reference}", Form(page, ("Note", "Called twice, left a voicemail in French.")));
        await client.PostAsync($"/admin/leads/{request.Reference}", Form(page, ("AssignedTo", paralegal.Id)));
        await client.PostAsync($"/admin/leads/{request.Reference}", Form(page, ("FollowUpOn", "2027-01-15")));
        var empty = await client.PostAsync($"/admin/leads/{request.Reference}", Form(page, ("Note", "  "), ("AssignedTo", paralegal.Id), ("FollowUpOn", "2027-01-15")));
        var html = await client.GetStringAsync($"/admin/leads/{request.Reference}");

        Assert.Contains("Nothing to save", html, StringComparison.Ordinal);
        Assert.Contains("Called twice, left a voicemail in French.", html, StringComparison.Ordinal);
        Assert.Contains("Assigned to paralegal.pat", html, StringComparison.Ordinal);
        Assert.Contains("Follow up on January 15, 2027", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);

        var unread = await client.PostAsync($"/admin/leads/{request.Reference}", Form(page, ("Intent", "unread")));
        Assert.Equal("/admin/leads", unread.Headers.Location?.OriginalString);
        await using var scope = _factory.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.SingleAsync(r => r.Id == request.Id);
        Assert.True(stored.IsUnread);
        Assert.Equal(paralegal.Id, stored.AssignedToId);
        Assert.Equal(new DateOnly(2027, 1, 15), stored.FollowUpOn);
    }

    [Fact]
    public async Task SpamIsReviewedInQuarantineMarkedGenuineOrDeletedInBulk()
    {
        var genuine = await AddRequestAsync("Real Person Caught", status: LeadStatus.Spam);
        var bot1 = await AddRequestAsync("Bot One", status: LeadStatus.Spam);
        var bot2 = await AddRequestAsync("Bot Two", status: LeadStatus.Spam);
        // Only the Attorney deletes (Staff are refused: LeadDeletionTests).
        using var client = await SignInAsync(StaffRoles.Attorney);
        var quarantine = await client.GetStringAsync("/admin/leads?view=spam");
        Assert.Contains("Real Person Caught", quarantine, StringComparison.Ordinal);

        await client.PostAsync($"/admin/leads/{genuine.Reference}", Form(quarantine, ("Intent", "genuine")));
        await client.PostAsync("/admin/leads/spam/delete", Form(quarantine, ("references", bot1.Reference), ("references", bot2.Reference), ("references", genuine.Reference), ("confirmed", "true")));

        await using var scope = _factory.CreateDbScope();
        Assert.Equal(LeadStatus.New, (await scope.Db.ConsultationRequests.SingleAsync(r => r.Id == genuine.Id)).Status);
        Assert.False(await scope.Db.ConsultationRequests.AnyAsync(r => r.Id == bot1.Id || r.Id == bot2.Id));
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == "Suspected spam deleted" && a.Target == "2 request(s)"));
    }

    [Fact]
    public async Task TheExportIsTheFilteredListWithFormulaInjectionNeutralised()
    {
        await AddRequestAsync("=HYPERLINK(\"http://evil.example\",\"Click\")", language: ContactLanguage.Spanish, description: "+cmd|' /C calc'!A0");
        await AddRequestAsync("@SUM(1+1)", language: ContactLanguage.Spanish, phone: "-2145550100", description: "\tTabbed");
        await AddRequestAsync("Not Spanish", language: ContactLanguage.English);
        using var client = await SignInAsync();

        var response = await client.GetAsync("/admin/leads/export?language=Spanish");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Not Spanish", csv, StringComparison.Ordinal);
        var cells = csv.Split(['\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim('"', '\uFEFF')).ToList();
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t');
        Assert.Contains(cells, c => c.StartsWith("'=HYPERLINK", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.StartsWith("'@SUM", StringComparison.Ordinal));
        Assert.Contains(cells, c => c == "'-2145550100");
        await using var scope = _factory.CreateDbScope();
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == "Consultation requests exported" && a.Target == "2 request(s)"));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@A1", "'@A1")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("María", "María")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void SpreadsheetSafeNeutralisesFormulaStarts(string? value, string expected) =>
        Assert.Equal(expected, LeadExportService.SpreadsheetSafe(value));

    [Fact]
    public async Task TheRetentionJobDeletesOnlyRequestsClosedLongerThanTheRetentionPeriod()
    {
        var oldSpam = await AddRequestAsync("Old Spam", status: LeadStatus.Spam, statusChangedAt: DateTime.UtcNow.AddDays(-91));
        var oldNotRetained = await AddRequestAsync("Old Not Retained", status: LeadStatus.NotRetained, statusChangedAt: DateTime.UtcNow.AddDays(-100));
        var recentNotRetained = await AddRequestAsync("Recent Not Retained", status: LeadStatus.NotRetained, statusChangedAt: DateTime.UtcNow.AddDays(-89));
        var oldRetained = await AddRequestAsync("Old Retained Client", status: LeadStatus.Retained, statusChangedAt: DateTime.UtcNow.AddDays(-400));
        var oldNew = await AddRequestAsync("Old But Open", createdAt: DateTime.UtcNow.AddDays(-200));
        await using (var scope = _factory.CreateDbScope())
        {
            scope.Db.LeadNotes.Add(new LeadNote { ConsultationRequestId = oldSpam.Id, At = DateTime.UtcNow, Text = "note" });
            await scope.Db.SaveChangesAsync();
        }

        var removed = await _factory.Services.GetRequiredService<LeadRetentionJob>().RunOnceAsync();

        Assert.Equal(2, removed);
        await using var check = _factory.CreateDbScope();
        var left = await check.Db.ConsultationRequests.Select(r => r.Id).ToListAsync();
        Assert.DoesNotContain(oldSpam.Id, left);
        Assert.DoesNotContain(oldNotRetained.Id, left);
        Assert.Contains(recentNotRetained.Id, left);
        Assert.Contains(oldRetained.Id, left);
        Assert.Contains(oldNew.Id, left);
        Assert.False(await check.Db.LeadNotes.AnyAsync(n => n.ConsultationRequestId == oldSpam.Id));
    }

    [Fact]
    public async Task AMissingOrDeletedRequestIsNotFound()
    {
        var request = await AddRequestAsync("To Be Deleted");
        using var attorney = await SignInAsync(StaffRoles.Attorney);
        using var staff = await SignInAsync();
        var page = await attorney.GetStringAsync($"/admin/leads/{request.Reference}");

        var unconfirmed = await attorney.PostAsync($"/admin/leads/{request.Reference}/delete", Form(page));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/admin/leads/{request.Reference}")).StatusCode);
        await attorney.PostAsync($"/admin/leads/{request.Reference}/delete", Form(page, ("confirmed", "true")));

        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode); // the confirmation page
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/admin/leads/{request.Reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/admin/leads/PR-ZZZZZZ")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/admin/leads/not-a-reference")).StatusCode);
        await using var scope = _factory.CreateDbScope();
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == "Consultation request deleted" && a.Target == request.Reference));
    }

    [Fact]
    public async Task AChangeToARequestThatIsGoneIsNotFoundAndARefusedOneSaysWhy()
    {
        var request = await AddRequestAsync("Gone Soon");
        using var attorney = await SignInAsync(StaffRoles.Attorney);
        var page = await attorney.GetStringAsync($"/admin/leads/{request.Reference}");
        await attorney.PostAsync($"/admin/leads/{request.Reference}/delete", Form(page, ("confirmed", "true")));

        var note = await attorney.PostAsync($"/admin/leads/{request.Reference}", Form(page, ("Note", "Too late.")));
        var status = await attorney.PostAsync($"/admin/leads/{request.Reference}", Form(page, ("Status", "Contacted")));
        var followUp = await attorney.PostAsync($"/admin/leads/{request.Reference}", Form(page, ("FollowUpOn", "2027-01-15")));
        var other = await AddRequestAsync("Still Here");
        var refused = await attorney.PostAsync($"/admin/leads/{other.Reference}", Form(page, ("Status", "NoSuchStatus")));

        Assert.All(new[] { note, status, followUp }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Choose a status from the list.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UrgentFirstPagesOnFromTheUrgentRequestsIntoTheRest()
    {
        // Page size 5: three urgent and four others make two pages, the second the two oldest others.
        for (var i = 0; i < 3; i++)
        {
            await AddRequestAsync($"Urgent {i}", urgency: Urgency.Detained, createdAt: DateTime.UtcNow.AddHours(-10 - i));
        }

        for (var i = 0; i < 4; i++)
        {
            await AddRequestAsync($"Other {i}", createdAt: DateTime.UtcNow.AddHours(-i));
        }

        using var client = await SignInAsync();

        var first = await client.GetStringAsync("/admin/leads?sort=urgent");
        var second = await client.GetStringAsync("/admin/leads?sort=urgent&page=2");

        Assert.Equal(["Urgent 0", "Urgent 1", "Urgent 2", "Other 0", "Other 1"], Positions(first, "Urgent 0", "Urgent 1", "Urgent 2", "Other 0", "Other 1"));
        Assert.DoesNotContain("Other 2", first, StringComparison.Ordinal);
        Assert.Equal(["Other 2", "Other 3"], Positions(second, "Other 2", "Other 3"));
        Assert.DoesNotContain("Urgent 0", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UrgentFirstPagesStartInsideOrPastEachUrgentPart()
    {
        // Page size 5: six detained, two court dates and three others. Page 2 starts inside the detained part and
        // runs through the court dates into the others; page 3 starts past both urgent parts, two into the others.
        for (var i = 0; i < 6; i++)
        {
            await AddRequestAsync($"Detained {i}", urgency: Urgency.Detained, createdAt: DateTime.UtcNow.AddHours(-10 - i));
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < 2; i++)
        {
            await AddRequestAsync($"Court {i}", urgency: Urgency.CourtDate, courtDate: today.AddDays(3 + i), createdAt: DateTime.UtcNow.AddHours(-20));
        }

        for (var i = 0; i < 3; i++)
        {
            await AddRequestAsync($"Other {i}", createdAt: DateTime.UtcNow.AddHours(-i));
        }

        using var client = await SignInAsync();

        var second = await client.GetStringAsync("/admin/leads?page=2");
        var third = await client.GetStringAsync("/admin/leads?page=3");

        Assert.Equal(["Detained 5", "Court 0", "Court 1", "Other 0", "Other 1"], Positions(second, "Detained 5", "Court 0", "Court 1", "Other 0", "Other 1"));
        Assert.DoesNotContain("Detained 4", second, StringComparison.Ordinal);
        Assert.Contains("Other 2", third, StringComparison.Ordinal);
        Assert.DoesNotContain("Other 1", third, StringComparison.Ordinal);
        Assert.DoesNotContain("Court 1", third, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDashboardChartsRequestsByAreaAndStatus()
    {
        await AddRequestAsync("Chart One", area: "asylum");
        await AddRequestAsync("Chart Two", area: "asylum", status: LeadStatus.Retained, createdAt: DateTime.UtcNow.AddDays(-3));
        await AddRequestAsync("Chart Three", area: null, status: LeadStatus.NotRetained, createdAt: DateTime.UtcNow.AddDays(-3));
        using var client = await SignInAsync();

        var html = await client.GetStringAsync("/admin");

        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Contains("Asylum: 2", html, StringComparison.Ordinal);
        Assert.Contains("Not sure: 1", html, StringComparison.Ordinal);
        Assert.Contains("Retained: 1", html, StringComparison.Ordinal);
        Assert.Contains("50%", html, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
