using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Advertising;
using PiriSite.Domain.Audit;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// The consultation notice is the Attorney's, per language, in versions: a change is a new version that the public
/// form shows at once, while each request keeps the version it accepted and every version stays readable.
/// </summary>
public sealed class ConsultationNoticeTests : IDisposable
{
    private const string SpanishForm = "/es/consulta";
    private const string SpanishPracticeArea = "/es/areas-de-practica/asilo";
    private const string NewText = "Enviar este formulario no lo hace cliente del despacho. Versión revisada por el abogado.";
    private const string NewLabel = "He leído el aviso revisado.";

    private readonly SiteFactory _factory = new() { RunsBackgroundServices = false };

    private async Task<HttpClient> SignInAsync(string role = StaffRoles.Attorney)
    {
        var (user, key) = await StaffSessions.CreateAsync(_factory, $"{Guid.NewGuid():N}@pirisite.test", role);
        return await StaffSessions.SignInAsync(_factory, user.Email!, key);
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient attorney, string culture, string text, string label)
    {
        var path = culture == "en" ? "/admin/consultation-notice" : $"/admin/consultation-notice?culture={culture}";
        var page = await attorney.GetStringAsync(path);
        return await attorney.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Text"] = text,
            ["CheckboxLabel"] = label,
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page),
        }));
    }

    private async Task<List<ConsultationNoticeVersion>> VersionsAsync(string culture)
    {
        await using var scope = _factory.CreateDbScope();
        return await scope.Db.ConsultationNoticeVersions.AsNoTracking().Where(v => v.Culture == culture).OrderBy(v => v.Number).ToListAsync();
    }

    [Fact]
    public async Task ANewWordingIsVersion2AndThePublicFormShowsItAtOnceWithItsArchiveEntryAndAuditLine()
    {
        var first = await SeededNotices.CurrentAsync(_factory, "es");
        using var visitor = _factory.CreateClient();
        // Both pages are read once, so the practice area's page is in the output cache.
        Assert.Contains(first.Text, WebUtility.HtmlDecode(await visitor.GetStringAsync(SpanishForm)), StringComparison.Ordinal);
        Assert.Contains(first.Text, WebUtility.HtmlDecode(await visitor.GetStringAsync(SpanishPracticeArea)), StringComparison.Ordinal);
        using var attorney = await SignInAsync();

        var saved = await SaveAsync(attorney, "es", NewText, NewLabel);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Version 2 of the Spanish notice is in force", await attorney.GetStringAsync(saved.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var versions = await VersionsAsync("es");
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal((first.Text, first.CheckboxLabel), (versions[0].Text, versions[0].CheckboxLabel)); // version 1 as it was
        Assert.Equal((NewText, NewLabel), (versions[1].Text, versions[1].CheckboxLabel));
        Assert.NotEmpty(versions[1].CreatedByName);
        foreach (var path in new[] { SpanishForm, SpanishPracticeArea })
        {
            var html = await visitor.GetStringAsync(path);
            var text = WebUtility.HtmlDecode(html);
            Assert.Contains(NewText, text, StringComparison.Ordinal);
            Assert.Contains(NewLabel, text, StringComparison.Ordinal);
            Assert.DoesNotContain(first.Text, text, StringComparison.Ordinal);
            Assert.Contains($"name=\"NoticeVersion\" value=\"{versions[1].Id}\"", html, StringComparison.Ordinal);
        }

        // The English notice is untouched.
        Assert.Single(await VersionsAsync("en"));
        await using var scope = _factory.CreateDbScope();
        Assert.True(await scope.Db.AdvertisingSnapshots.AnyAsync(s =>
            s.PageKind == AdvertisedPageKind.Consultation && s.Culture == "es" && s.Reason == "Consultation notice changed"));
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == AuditActions.ConsultationNoticeChanged && a.Target == "Spanish, version 2"));
    }

    [Fact]
    public async Task ARequestMadeBeforeTheChangeStillShowsTheWordsItAcceptedAndEveryVersionStaysReadable()
    {
        var first = await SeededNotices.CurrentAsync(_factory, "es");
        using var visitor = _factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(visitor, SpanishForm);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.PostAsync(SpanishForm, form.Content())).StatusCode);
        string reference;
        await using (var scope = _factory.CreateDbScope())
        {
            var request = await scope.Db.ConsultationRequests.AsNoTracking().SingleAsync(r => r.IdempotencyKey == Guid.Parse(form["IdempotencyKey"]));
            Assert.Equal(first.Id, request.NoticeVersionId);
            reference = request.Reference;
        }

        using var attorney = await SignInAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(attorney, "es", NewText, NewLabel)).StatusCode);

        var page = WebUtility.HtmlDecode(await attorney.GetStringAsync($"/admin/leads/{reference}"));
        Assert.Contains("Version 1 (Spanish), in force from", page, StringComparison.Ordinal);
        Assert.Contains($"lang=\"es\">{first.Text}</blockquote>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(NewText, page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/consultation-notice/{first.Id}\"", page, StringComparison.Ordinal);

        var old = WebUtility.HtmlDecode(await attorney.GetStringAsync($"/admin/consultation-notice/{first.Id}"));
        Assert.Contains(first.Text, old, StringComparison.Ordinal);
        Assert.Contains(first.CheckboxLabel, old, StringComparison.Ordinal);
        Assert.Contains("A later version has replaced it.", old, StringComparison.Ordinal);
        Assert.Contains("1 request accepted it.", old, StringComparison.Ordinal);

        var history = await attorney.GetStringAsync("/admin/consultation-notice?culture=es");
        var second = (await VersionsAsync("es"))[1];
        Assert.Contains($"href=\"/admin/consultation-notice/{first.Id}\">Version 1</a>", history, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/consultation-notice/{second.Id}\">Version 2</a>", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyNoticeIsRefusedWith422AtItsFieldKeepingWhatWasTyped()
    {
        using var attorney = await SignInAsync();

        var refused = await SaveAsync(attorney, "fr", "   ", "Ma nouvelle case à cocher");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Text-error\"", html, StringComparison.Ordinal);
        Assert.Matches("<textarea id=\"Text\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"Text-hint Text-error\"", html);
        Assert.Contains("Ma nouvelle case à cocher", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Single(await VersionsAsync("fr"));
    }

    [Fact]
    public async Task TheSameWordsMakeNoNewVersionAndTheAttorneyIsToldSo()
    {
        var current = await SeededNotices.CurrentAsync(_factory);
        using var attorney = await SignInAsync();

        var saved = await SaveAsync(attorney, "en", current.Text + "\r\n", current.CheckboxLabel);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("The English notice is unchanged, so no new version was made", await attorney.GetStringAsync(saved.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Single(await VersionsAsync("en"));
    }

    [Fact]
    public async Task StaffWhoAreNotTheAttorneyCannotOpenOrChangeTheNotice()
    {
        var id = (await SeededNotices.CurrentAsync(_factory)).Id;
        using var staff = await SignInAsync(StaffRoles.Staff);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/consultation-notice")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/admin/consultation-notice/{id}")).StatusCode);
        var dashboard = await staff.GetStringAsync("/admin");
        var posted = await staff.PostAsync("/admin/consultation-notice", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Text"] = "Changed by someone else.",
            ["CheckboxLabel"] = "Label.",
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(dashboard),
        }));
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Single(await VersionsAsync("en"));
    }

    [Fact]
    public async Task AFormNamingAnotherLanguagesNoticeIsRefusedInTheVisitorsLanguageAndNothingIsStored()
    {
        var english = await SeededNotices.CurrentAsync(_factory);
        var spanish = await SeededNotices.CurrentAsync(_factory, "es");
        using var visitor = _factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(visitor, SpanishForm);
        var values = ConsultationForm.ValidValues();
        values["NoticeVersion"] = english.Id.ToString(CultureInfo.InvariantCulture);

        var refused = await visitor.PostAsync(SpanishForm, form.Content(values));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("Este formulario mostraba un aviso que no es el de esta página.", text, StringComparison.Ordinal);
        Assert.Contains("id=\"Acknowledged-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"María José Hernández\"", text, StringComparison.Ordinal); // everything typed is kept
        Assert.Contains(values["Description"], text, StringComparison.Ordinal);
        Assert.DoesNotMatch("<input id=\"Acknowledged\"[^>]*checked", html); // ticked again, under the notice shown now
        Assert.Contains($"name=\"NoticeVersion\" value=\"{spanish.Id}\"", html, StringComparison.Ordinal);
        await using var scope = _factory.CreateDbScope();
        Assert.False(await scope.Db.ConsultationRequests.AnyAsync(r => r.IdempotencyKey == Guid.Parse(form["IdempotencyKey"])));
    }

    [Fact]
    public async Task TheFirmProfileEditorLinksToTheNoticeInItsLanguage()
    {
        using var attorney = await SignInAsync();

        var profile = await attorney.GetStringAsync("/admin/firm?culture=fr");

        Assert.Contains("href=\"/admin/consultation-notice?culture=fr\"", profile, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
