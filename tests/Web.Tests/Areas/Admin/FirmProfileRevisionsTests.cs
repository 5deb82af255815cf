using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

public partial class FirmProfileRevisionsTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private async Task<HttpClient> AttorneyAsync(string email)
    {
        var (attorney, key) = await StaffSessions.CreateAsync(factory, email, StaffRoles.Attorney);
        return await StaffSessions.SignInAsync(factory, attorney.Email!, key);
    }

    // The editor's fields as the page shows them, with its version and antiforgery token: ready to post back.
    private static async Task<Dictionary<string, string>> EditorFieldsAsync(HttpClient client, string culture)
    {
        var page = await client.GetStringAsync($"/admin/firm?culture={culture}");
        var fields = EditorField().Matches(page)
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value));
        fields["Version"] = Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        fields["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page);
        return fields;
    }

    [Fact]
    public async Task TheHistoryListsEachSaveWithTheFieldsItChangedAndTheComparisonMarksTheChangedWords()
    {
        using var client = await AttorneyAsync("history.attorney@pirisite.test");
        var editor = await client.GetStringAsync("/admin/firm?culture=es");
        Assert.Contains("href=\"/admin/firm/revisions?culture=es\"", editor, StringComparison.Ordinal);
        Assert.Contains("<legend>About, Disclaimer and Privacy pages</legend>", editor, StringComparison.Ordinal);
        var fields = await EditorFieldsAsync(client, SiteCulture.Spanish);
        var about = fields["AboutMarkdown"];
        fields["AboutMarkdown"] = about + "\n\nAtendemos los domingos por la tarde.";
        fields["AdvertisingDisclaimer"] = "Publicidad de abogados. Texto renovado.";

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/admin/firm?culture=es", new FormUrlEncodedContent(fields))).StatusCode);

        var history = await client.GetStringAsync("/admin/firm/revisions?culture=es");
        Assert.Contains("Revision 2 (current)", history, StringComparison.Ordinal);
        Assert.Contains("Revision 1<", history, StringComparison.Ordinal);
        Assert.Contains("Advertising disclaimer, About page", history, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/firm/revisions/2?culture=es\"", history, StringComparison.Ordinal);

        var comparison = await client.GetStringAsync("/admin/firm/revisions/2?culture=es");
        Assert.Contains("<ins>Atendemos los domingos por la tarde.</ins>", comparison, StringComparison.Ordinal);
        Assert.Contains("<ins>Texto renovado</ins>.", comparison, StringComparison.Ordinal);
        Assert.Contains("<h2>Advertising disclaimer</h2>", comparison, StringComparison.Ordinal);
        Assert.Contains("Unchanged: Firm name, Responsible attorney", comparison, StringComparison.Ordinal);

        var againstCurrent = await client.GetStringAsync("/admin/firm/revisions/2?culture=es&with=1");
        Assert.Contains("<ins>Texto renovado</ins>.", againstCurrent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/firm/revisions/9?culture=es")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/firm/revisions?culture=de")).StatusCode);
    }

    [Fact]
    public async Task RestoringAsksFirstThenSavesANewRevisionThatThePublicPagesShowAtOnce()
    {
        using var client = await AttorneyAsync("restore.attorney@pirisite.test");
        using var visitor = factory.CreateClient();
        var original = await visitor.GetStringAsync("/fr");
        Assert.Contains("Bureau principal : Dallas (Texas)", original, StringComparison.Ordinal);
        var fields = await EditorFieldsAsync(client, SiteCulture.French);
        fields["PrincipalOfficeCity"] = "Fort Worth (Texas)";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/admin/firm?culture=fr", new FormUrlEncodedContent(fields))).StatusCode);
        Assert.Contains("Bureau principal : Fort Worth (Texas)", await visitor.GetStringAsync("/fr"), StringComparison.Ordinal);
        var history = await client.GetStringAsync("/admin/firm/revisions?culture=fr");
        var token = StaffSessions.AntiforgeryToken(history);

        var asked = await client.PostAsync("/admin/firm/revisions/1/restore?culture=fr",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var confirmation = await asked.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Restore revision 1 of the French firm profile?", confirmation, StringComparison.Ordinal);
        Assert.Contains("Principal office (city)", confirmation, StringComparison.Ordinal);
        Assert.Contains("Bureau principal : Fort Worth (Texas)", await visitor.GetStringAsync("/fr"), StringComparison.Ordinal);
        var version = Regex.Match(confirmation, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;

        var restored = await client.PostAsync("/admin/firm/revisions/1/restore?culture=fr", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(confirmation), ["version"] = version, ["confirmed"] = "true",
        }));

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains("Bureau principal : Dallas (Texas)", await visitor.GetStringAsync("/fr"), StringComparison.Ordinal);
        await using var scope = factory.CreateDbScope();
        var latest = await scope.Db.FirmProfileRevisions.Where(r => r.Culture == SiteCulture.French).OrderByDescending(r => r.Number).FirstAsync();
        Assert.Equal((3, "Restored revision 1", "Dallas (Texas)"), (latest.Number, latest.Note, latest.Fields.PrincipalOfficeCity));
        Assert.Equal(["PrincipalOfficeCity"], latest.ChangedFields);
        Assert.True(await scope.Db.AuditEntries.AnyAsync(e => e.Action == "Firm profile restored to revision 1 (French)"));
        Assert.Equal(6, await scope.Db.AdvertisingSnapshots.CountAsync(s => s.Culture == SiteCulture.French && s.Reason == "Firm profile restored to revision 1"));

        // The confirmation page's version is checked: a second post of the same form saves nothing.
        var stale = await client.PostAsync("/admin/firm/revisions/2/restore?culture=fr", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(confirmation), ["version"] = version, ["confirmed"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(3, await scope.Db.FirmProfileRevisions.Where(r => r.Culture == SiteCulture.French).MaxAsync(r => r.Number));
    }

    [Theory]
    [InlineData(SiteCulture.Spanish)]
    [InlineData(SiteCulture.French)]
    public async Task TheThreeFooterTextsCannotBeSavedEmptyAndTheTypedValuesAreKept(string culture)
    {
        using var client = await AttorneyAsync($"required.{culture}@pirisite.test");
        var fields = await EditorFieldsAsync(client, culture);
        fields["AttorneyName"] = "";
        fields["PrincipalOfficeCity"] = "  ";
        fields["AdvertisingDisclaimer"] = "";
        fields["ServiceArea"] = "Texto escrito y no guardado";

        var refused = await client.PostAsync($"/admin/firm?culture={culture}", new FormUrlEncodedContent(fields));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"AttorneyName-error\"><span class=\"visually-hidden\">Error: </span>Enter the responsible attorney&#x27;s name.</p>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"PrincipalOfficeCity-error\"><span class=\"visually-hidden\">Error: </span>Enter the city of the principal office.</p>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"AdvertisingDisclaimer-error\"><span class=\"visually-hidden\">Error: </span>Enter the attorney advertising notice.</p>", html, StringComparison.Ordinal);
        Assert.Matches("<input id=\"PrincipalOfficeCity\"[^>]*aria-describedby=\"PrincipalOfficeCity-hint PrincipalOfficeCity-error\" aria-invalid=\"true\"", html);
        Assert.Contains("value=\"Texto escrito y no guardado\"", html, StringComparison.Ordinal);
        await using var scope = factory.CreateDbScope();
        var firm = await scope.Db.FirmProfiles.AsNoTracking().SingleAsync(f => f.Culture == culture);
        Assert.Equal("Michael Piri", firm.AttorneyName);
        Assert.NotEqual("Texto escrito y no guardado", firm.ServiceArea);
    }

    [GeneratedRegex("<(?:input|textarea) id=\"(\\w+)\" name=\"\\w+\"[^>]*?(?:value=\"([^\"]*)\"[^>]*>|>([^<]*)</textarea>)")]
    private static partial Regex EditorField();
}
