using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// One request's page and its one form: everything typed is saved together or, when any of it is wrong, nothing is
/// saved and everything typed comes back with the message next to its field; the page reads in words; deleting
/// asks first.
/// </summary>
public sealed class LeadRequestPageTests : IDisposable
{
    private static readonly HtmlParser s_parser = new();

    private readonly SiteFactory _factory = new() { RunsBackgroundServices = false };

    private async Task<ConsultationRequest> AddRequestAsync(
        string name, LeadStatus status = LeadStatus.New, SpamVerdict verdict = SpamVerdict.NotSpam,
        Urgency urgency = Urgency.None, DateOnly? courtDate = null, ContactMethod method = ContactMethod.NoPreference,
        ContactLanguage language = ContactLanguage.English)
    {
        await using var scope = _factory.CreateDbScope();
        var request = ConsultationRequest.Create(
            new ConsultationDetails(name, "(214) 555-0142", "someone@example.com", language, method, null, urgency, courtDate, "A description."),
            ConsultationReference.Generate(), Guid.NewGuid(), DateTime.UtcNow, "/consultation", "en", verdict, SeededNotices.Version1());
        PiriSite.Domain.Tests.Consultations.LeadTestRequests.WalkTo(request, status, request.CreatedAt);
        scope.Db.ConsultationRequests.Add(request);
        await scope.Db.SaveChangesAsync();
        return request;
    }

    private async Task<(HttpClient Client, StaffUser User)> SignInAsync(string role = StaffRoles.Staff)
    {
        var (user, key) = await StaffSessions.CreateAsync(_factory, $"{Guid.NewGuid():N}@pirisite.test", role);
        return (await StaffSessions.SignInAsync(_factory, user.Email!, key), user);
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", StaffSessions.AntiforgeryToken(page))));

    private async Task<ConsultationRequest> StoredAsync(int id)
    {
        await using var scope = _factory.CreateDbScope();
        return await scope.Db.ConsultationRequests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private async Task<List<string>> AuditActionsAsync(string reference)
    {
        await using var scope = _factory.CreateDbScope();
        return await scope.Db.AuditEntries.Where(a => a.Target == reference && a.Action != "Consultation request viewed")
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    [Fact]
    public async Task OneSaveAppliesTheStatusTheNoteTheAssignmentAndTheFollowUpTogetherAndAuditsEachByKind()
    {
        var request = await AddRequestAsync("Combined Person");
        var (paralegal, _) = await StaffSessions.CreateAsync(_factory, "paralegal.combined@pirisite.test", StaffRoles.Staff);
        var (client, _) = await SignInAsync();
        var page = await client.GetStringAsync($"/admin/leads/{request.Reference}");
        const string Note = "Spoke to her sister, who will bring the notice to appear.";

        var response = await client.PostAsync($"/admin/leads/{request.Reference}", Form(page,
            ("Status", "Contacted"), ("Note", Note), ("AssignedTo", paralegal.Id), ("AssignedToWas", ""),
            ("FollowUpOn", "2027-01-15"), ("FollowUpOnWas", ""), ("Intent", "save")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/leads/{request.Reference}#update", response.Headers.Location?.OriginalString);
        var stored = await StoredAsync(request.Id);
        Assert.Equal(LeadStatus.Contacted, stored.Status);
        Assert.Equal(paralegal.Id, stored.AssignedToId);
        Assert.Equal(new DateOnly(2027, 1, 15), stored.FollowUpOn);
        await using (var scope = _factory.CreateDbScope())
        {
            var timeline = await scope.Db.LeadNotes.Where(n => n.ConsultationRequestId == request.Id).Select(n => n.Text).ToListAsync();
            Assert.Equal(["New → Contacted", "Assigned to paralegal.combined", "Follow up on January 15, 2027", Note], timeline);
            Assert.False(await scope.Db.AuditEntries.AnyAsync(a => (a.Details ?? "").Contains("sister") || (a.Target ?? "").Contains("Combined")));
        }

        Assert.Equal(
            ["Consultation request status changed", "Consultation request assigned", "Consultation request follow-up date set", "Consultation request note added"],
            await AuditActionsAsync(request.Reference));
        var after = s_parser.ParseDocument(await client.GetStringAsync($"/admin/leads/{request.Reference}"));
        var saved = after.QuerySelector("#update .lead-saved")!;
        Assert.Equal("Saved: status changed to Contacted, assignment changed, follow-up date set, note added.", saved.TextContent.Trim());
        Assert.DoesNotContain("lead-saved-info", saved.ClassName, StringComparison.Ordinal);
        Assert.Contains(Note, after.QuerySelector(".timeline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidDateSavesNothingAndShowsTheFormAgainWithEverythingTyped()
    {
        var request = await AddRequestAsync("Bad Date Person");
        var (paralegal, _) = await StaffSessions.CreateAsync(_factory, "paralegal.date@pirisite.test", StaffRoles.Staff);
        var (client, _) = await SignInAsync();
        var page = await client.GetStringAsync($"/admin/leads/{request.Reference}");

        var response = await client.PostAsync($"/admin/leads/{request.Reference}", Form(page,
            ("Status", "Contacted"), ("Note", "A long note typed at 2 a.m. that must not be lost."), ("AssignedTo", paralegal.Id),
            ("AssignedToWas", ""), ("FollowUpOn", "15/01/2027"), ("FollowUpOnWas", ""), ("Intent", "save")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = s_parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("A long note typed at 2 a.m. that must not be lost.", html.GetElementById("Note")!.TextContent);
        Assert.True(html.GetElementById("Status-Contacted")!.HasAttribute("checked"));
        Assert.False(html.GetElementById("Status-keep")!.HasAttribute("checked"));
        Assert.Equal(paralegal.Id, html.QuerySelector("#AssignedTo option[selected]")!.GetAttribute("value"));
        var date = html.GetElementById("FollowUpOn")!;
        Assert.Equal("15/01/2027", date.GetAttribute("value"));
        Assert.Equal("true", date.GetAttribute("aria-invalid"));
        Assert.Contains("FollowUpOn-error", date.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        var error = html.GetElementById("FollowUpOn-error")!;
        Assert.Contains("field-error", error.ClassList);
        Assert.Same(date.ParentElement, error.ParentElement);
        Assert.Contains("Enter the follow-up date as a date", html.QuerySelector("#update .error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#FollowUpOn", html.QuerySelector("#update .error-summary a")!.GetAttribute("href"));

        var stored = await StoredAsync(request.Id);
        Assert.Equal(LeadStatus.New, stored.Status);
        Assert.Null(stored.AssignedToId);
        Assert.Null(stored.FollowUpOn);
        await using var scope = _factory.CreateDbScope();
        Assert.False(await scope.Db.LeadNotes.AnyAsync(n => n.ConsultationRequestId == request.Id));
        Assert.Empty(await AuditActionsAsync(request.Reference));
    }

    [Fact]
    public async Task AMoveThatIsNotAllowedIsRefusedNextToTheStatusFieldAndTheNoteIsKept()
    {
        var request = await AddRequestAsync("Refused Move Person");
        var (client, _) = await SignInAsync();
        var page = await client.GetStringAsync($"/admin/leads/{request.Reference}");

        var response = await client.PostAsync($"/admin/leads/{request.Reference}", Form(page, ("Status", "Retained"), ("Note", "Typed before the refusal.")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = s_parser.ParseDocument(await response.Content.ReadAsStringAsync());
        var status = html.GetElementById("Status-keep")!.Closest("fieldset")!;
        var error = status.QuerySelector("#Status-error")!;
        Assert.Contains("field-error", error.ClassList);
        Assert.Contains("A request that is New cannot become Retained.", error.TextContent, StringComparison.Ordinal);
        Assert.Equal("Status-error", status.GetAttribute("aria-describedby"));
        Assert.Equal("Typed before the refusal.", html.GetElementById("Note")!.TextContent);
        Assert.Equal(LeadStatus.New, (await StoredAsync(request.Id)).Status);
        Assert.Empty(await AuditActionsAsync(request.Reference));
    }

    [Fact]
    public async Task ANoteOverTheLimitIsRefusedAndKeptWhole()
    {
        var request = await AddRequestAsync("Long Note Person");
        var (client, _) = await SignInAsync();
        var page = await client.GetStringAsync($"/admin/leads/{request.Reference}");
        var note = new string('x', LeadNote.TextMaxLength + 1);

        var response = await client.PostAsync($"/admin/leads/{request.Reference}", Form(page, ("Note", note)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = s_parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(note, html.GetElementById("Note")!.TextContent);
        Assert.Contains("shorten it to 4,000 or fewer", html.GetElementById("Note-error")!.TextContent, StringComparison.Ordinal);
        await using var scope = _factory.CreateDbScope();
        Assert.False(await scope.Db.LeadNotes.AnyAsync(n => n.ConsultationRequestId == request.Id));
    }

    [Fact]
    public async Task TheFormStartsWithNoStatusChangeChosenAndSavingNothingSaysSoAsInformation()
    {
        var request = await AddRequestAsync("Untouched Person", LeadStatus.Contacted);
        var (client, _) = await SignInAsync();
        var page = await client.GetStringAsync($"/admin/leads/{request.Reference}");
        var html = s_parser.ParseDocument(page);

        var radios = html.QuerySelectorAll("input[name=Status]");
        Assert.Equal(["Status-keep"], radios.Where(r => r.HasAttribute("checked")).Select(r => r.Id));
        Assert.Equal("Keep as Contacted", html.QuerySelector("label[for=Status-keep]")!.TextContent.Trim());
        Assert.Equal(["", "ConsultationScheduled", "Retained", "NotRetained"], radios.Select(r => r.GetAttribute("value")));
        Assert.Empty(html.QuerySelectorAll("select[name=Status]"));
        Assert.Single(html.QuerySelectorAll("form#update"));
        Assert.All(html.QuerySelectorAll("#update input:not([type=hidden]), #update textarea, #update select"),
            field => Assert.NotNull(html.QuerySelector($"label[for='{field.Id}']")));

        var response = await client.PostAsync($"/admin/leads/{request.Reference}", Form(page, ("Status", ""), ("Note", ""), ("AssignedTo", ""), ("FollowUpOn", "")));
        var after = s_parser.ParseDocument(await client.GetStringAsync($"/admin/leads/{request.Reference}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = after.QuerySelector("#update .lead-saved")!;
        Assert.Contains("lead-saved-info", saved.ClassList);
        Assert.StartsWith("Nothing to save", saved.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(LeadStatus.Contacted, (await StoredAsync(request.Id)).Status);
    }

    [Fact]
    public async Task AFieldLeftAsItWasShownNeverUndoesSomeoneElsesChange()
    {
        var request = await AddRequestAsync("Two Tabs Person");
        var (colleague, _) = await StaffSessions.CreateAsync(_factory, "colleague@pirisite.test", StaffRoles.Staff);
        var (client, _) = await SignInAsync();
        var page = await client.GetStringAsync($"/admin/leads/{request.Reference}");

        // Meanwhile a colleague takes the request and sets a date...
        await client.PostAsync($"/admin/leads/{request.Reference}", Form(page, ("AssignedTo", colleague.Id), ("FollowUpOn", "2027-02-01")));
        // ...and the form still open since before (nobody, no date) is saved with only a note.
        await client.PostAsync($"/admin/leads/{request.Reference}", Form(page,
            ("Note", "Left a voicemail."), ("AssignedTo", ""), ("AssignedToWas", ""), ("FollowUpOn", ""), ("FollowUpOnWas", "")));

        var stored = await StoredAsync(request.Id);
        Assert.Equal(colleague.Id, stored.AssignedToId);
        Assert.Equal(new DateOnly(2027, 2, 1), stored.FollowUpOn);
    }

    [Fact]
    public async Task MarkingGenuineOrUnreadSavesWhatWasTypedWithIt()
    {
        var spam = await AddRequestAsync("Caught By Mistake", LeadStatus.Spam, SpamVerdict.ContainsLink);
        var other = await AddRequestAsync("Read Person");
        var (client, _) = await SignInAsync();
        var spamPage = await client.GetStringAsync($"/admin/leads/{spam.Reference}");
        var otherPage = await client.GetStringAsync($"/admin/leads/{other.Reference}");

        var genuine = await client.PostAsync($"/admin/leads/{spam.Reference}", Form(spamPage, ("Note", "The link was to her own lawyer's letter."), ("Intent", "genuine")));
        var unread = await client.PostAsync($"/admin/leads/{other.Reference}", Form(otherPage, ("Note", "For Maria to call in the morning."), ("Intent", "unread")));

        Assert.Equal($"/admin/leads/{spam.Reference}#update", genuine.Headers.Location?.OriginalString);
        Assert.Equal("/admin/leads", unread.Headers.Location?.OriginalString);
        Assert.Equal(LeadStatus.New, (await StoredAsync(spam.Id)).Status);
        Assert.True((await StoredAsync(other.Id)).IsUnread);
        await using var scope = _factory.CreateDbScope();
        Assert.True(await scope.Db.LeadNotes.AnyAsync(n => n.ConsultationRequestId == spam.Id && n.Text == "The link was to her own lawyer's letter."));
        Assert.True(await scope.Db.LeadNotes.AnyAsync(n => n.ConsultationRequestId == other.Id && n.Text == "For Maria to call in the morning."));
    }

    [Fact]
    public async Task ThePageReadsInWordsAndNamesTheAttorneyNotTheirRole()
    {
        var request = await AddRequestAsync("Words Person", urgency: Urgency.CourtDate, courtDate: new DateOnly(2027, 3, 4),
            method: ContactMethod.NoPreference, language: ContactLanguage.Spanish);
        var spam = await AddRequestAsync("Link Seller", LeadStatus.Spam, SpamVerdict.ContainsLink);
        var (client, attorney) = await SignInAsync(StaffRoles.Attorney);
        // Named as the first Attorney account is named when no name is given (SiteDbInitialiser, create-admin).
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(attorney.Id))!;
            user.DisplayName = StaffRoles.Attorney;
            await users.UpdateAsync(user);
        }

        var page = await client.GetStringAsync($"/admin/leads/{request.Reference}");
        await client.PostAsync($"/admin/leads/{request.Reference}", Form(page, ("Note", "Called."), ("AssignedTo", attorney.Id)));
        var text = s_parser.ParseDocument(await client.GetStringAsync($"/admin/leads/{request.Reference}")).Body!.TextContent;
        var spamText = s_parser.ParseDocument(await client.GetStringAsync($"/admin/leads/{spam.Reference}")).Body!.TextContent;

        Assert.Contains("Court date on March 4, 2027", text, StringComparison.Ordinal);
        Assert.Contains("No preference", text, StringComparison.Ordinal);
        Assert.Contains("Spanish", text, StringComparison.Ordinal);
        Assert.Contains("Call or write back: nobody has answered yet.", text, StringComparison.Ordinal);
        Assert.Contains($"Assigned to {attorney.Email}", text, StringComparison.Ordinal);
        Assert.Contains($"· {attorney.Email}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Assigned to Attorney", text, StringComparison.Ordinal);
        Assert.DoesNotContain("· Attorney", text, StringComparison.Ordinal);
        Assert.Contains("Suspected spam: The description contains a web link", spamText, StringComparison.Ordinal);
        foreach (var code in new[] { "CourtDate", "NoPreference", "NotSpam", "ContainsLink", "ConsultationScheduled", "NotRetained" })
        {
            Assert.DoesNotContain(code, text + spamText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheAttorneyDeletesARequestOnlyFromTheConfirmationPageAndCancelKeepsIt()
    {
        var request = await AddRequestAsync("Delete Me Person");
        var (client, _) = await SignInAsync(StaffRoles.Attorney);
        var page = await client.GetStringAsync($"/admin/leads/{request.Reference}");
        Assert.NotNull(s_parser.ParseDocument(page).QuerySelector($"form[action='/admin/leads/{request.Reference}/delete'] button"));
        Assert.DoesNotContain("name=\"confirm\"", page, StringComparison.Ordinal);

        var asked = await client.PostAsync($"/admin/leads/{request.Reference}/delete", Form(page));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirmation = s_parser.ParseDocument(await asked.Content.ReadAsStringAsync());
        Assert.Equal("Delete this request permanently?", confirmation.QuerySelector("h1")!.TextContent);
        Assert.Equal($"{request.Reference} · Delete Me Person", confirmation.QuerySelector(".confirmation-items li")!.TextContent);
        Assert.Equal("true", confirmation.QuerySelector("form input[name=confirmed]")!.GetAttribute("value"));
        Assert.Equal($"/admin/leads/{request.Reference}/delete", confirmation.QuerySelector("form.confirmation-actions")!.GetAttribute("action"));
        var cancel = confirmation.QuerySelector("form.confirmation-actions a")!.GetAttribute("href")!;
        Assert.Equal($"/admin/leads/{request.Reference}", cancel);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(cancel)).StatusCode);
        await using (var scope = _factory.CreateDbScope())
        {
            Assert.True(await scope.Db.ConsultationRequests.AnyAsync(r => r.Id == request.Id));
            Assert.False(await scope.Db.AuditEntries.AnyAsync(a => a.Action == "Consultation request deleted"));
        }

        var confirmed = await client.PostAsync($"/admin/leads/{request.Reference}/delete", Form(page, ("confirmed", "true")));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await using var check = _factory.CreateDbScope();
        Assert.False(await check.Db.ConsultationRequests.AnyAsync(r => r.Id == request.Id));
        Assert.True(await check.Db.AuditEntries.AnyAsync(a => a.Action == "Consultation request deleted" && a.Target == request.Reference));
    }

    [Fact]
    public async Task StaffAreRefusedTheDeletionQuestionAsWellAsTheDeletion()
    {
        var request = await AddRequestAsync("Staff Cannot Delete");
        var (client, _) = await SignInAsync();
        var page = await client.GetStringAsync($"/admin/leads/{request.Reference}");

        var asked = await client.PostAsync($"/admin/leads/{request.Reference}/delete", Form(page));
        var confirmed = await client.PostAsync($"/admin/leads/{request.Reference}/delete", Form(page, ("confirmed", "true")));

        Assert.Equal(HttpStatusCode.Forbidden, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, confirmed.StatusCode);
        Assert.Null(s_parser.ParseDocument(page).QuerySelector(".lead-danger"));
        await using var scope = _factory.CreateDbScope();
        Assert.True(await scope.Db.ConsultationRequests.AnyAsync(r => r.Id == request.Id));
    }

    public void Dispose() => _factory.Dispose();
}
