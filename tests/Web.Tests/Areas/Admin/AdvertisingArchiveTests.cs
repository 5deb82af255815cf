using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Advertising;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// The Attorney's advertising archive: listed by page and date, each page served exactly as archived (sandboxed) or
/// downloaded, two snapshots compared, the filing record kept with its audit entry; staff see none of it, and no
/// route edits or deletes a snapshot.
/// </summary>
public partial class AdvertisingArchiveTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private async Task<HttpClient> AttorneyAsync(string name)
    {
        var (attorney, key) = await StaffSessions.CreateAsync(factory, $"{name}@pirisite.test", StaffRoles.Attorney);
        return await StaffSessions.SignInAsync(factory, attorney.Email!, key);
    }

    [Fact]
    public async Task TheArchiveListsEachPagesSnapshotsNewestFirstAndFilters()
    {
        using var client = await AttorneyAsync("adv.index");
        var older = await AdvertisingSnapshots.AddAsync(factory, "adv-index-a", "es", AdvertisingSnapshots.FirmNoon(20), "Primer texto.", title: "Asilo en Texas");
        var newer = await AdvertisingSnapshots.AddAsync(factory, "adv-index-a", "es", AdvertisingSnapshots.FirmNoon(3), "Segundo texto.", "Primer texto.", title: "Asilo en Texas");
        var other = await AdvertisingSnapshots.AddAsync(factory, "adv-index-b", "en", AdvertisingSnapshots.FirmNoon(5), "Other text.", title: "Bond hearings");
        var pending = await AdvertisingSnapshots.AddAsync(factory, "adv-index-b", "en", AdvertisingSnapshots.FirmNoon(0), null);

        var page = await client.GetStringAsync("/admin/advertising");

        Assert.Contains("<h2 id=\"to-file-title\">To file", page, StringComparison.Ordinal);
        var asilo = page[page.IndexOf("Asilo en Texas</span>", StringComparison.Ordinal)..];
        Assert.True(asilo.IndexOf($"/admin/advertising/{newer}\"", StringComparison.Ordinal) < asilo.IndexOf($"/admin/advertising/{older}\"", StringComparison.Ordinal));
        Assert.Contains("Needs filing (due ", page, StringComparison.Ordinal);
        Assert.Contains("Waiting to be captured", page, StringComparison.Ordinal);
        Assert.Contains("Spanish", page, StringComparison.Ordinal);

        var onePage = await client.GetStringAsync("/admin/advertising?page=Article%3Aadv-index-a&language=es");
        Assert.Contains($"/admin/advertising/{older}\"", onePage, StringComparison.Ordinal);
        Assert.DoesNotContain($"/admin/advertising/{other}\"", onePage, StringComparison.Ordinal);
        Assert.DoesNotContain("to-file-title", onePage, StringComparison.Ordinal);

        var english = await client.GetStringAsync("/admin/advertising?page=Article%3Aadv-index-a&language=en");
        Assert.Contains("No snapshot matches these filters.", english, StringComparison.Ordinal);

        var waiting = await client.GetStringAsync("/admin/advertising?state=pending");
        Assert.Contains($"/admin/advertising/{pending}\"", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain($"/admin/advertising/{newer}\"", waiting, StringComparison.Ordinal);

        var from = DateOnly.FromDateTime(PiriSite.Domain.Content.FirmTimeZone.ToFirmTime(AdvertisingSnapshots.FirmNoon(4))).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var recent = await client.GetStringAsync($"/admin/advertising?page=Article%3Aadv-index-a&from={from}");
        Assert.Contains($"/admin/advertising/{newer}\"", recent, StringComparison.Ordinal);
        Assert.DoesNotContain($"/admin/advertising/{older}\"", recent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffWhoAreNotTheAttorneySeeNoneOfIt()
    {
        var id = await AdvertisingSnapshots.AddAsync(factory, "adv-staff", "en", AdvertisingSnapshots.FirmNoon(2), "Staff cannot see this.");
        var (staff, key) = await StaffSessions.CreateAsync(factory, "adv.staff@pirisite.test", StaffRoles.Staff);
        using var client = await StaffSessions.SignInAsync(factory, staff.Email!, key);

        foreach (var path in new[] { "/admin/advertising", $"/admin/advertising/{id}", $"/admin/advertising/{id}/view", $"/admin/advertising/{id}/download" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        }

        var dashboard = await client.GetStringAsync("/admin");
        Assert.DoesNotContain("Advertising to file", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/advertising\"", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageIsServedExactlyAsArchivedInASandboxAndDownloadedAsTheSameBytes()
    {
        using var client = await AttorneyAsync("adv.view");
        var published = AdvertisingSnapshots.FirmNoon(1);
        var id = await AdvertisingSnapshots.AddAsync(factory, "adv-view", "es", published, "Texto exacto.", title: "Página archivada");
        var expected = Encoding.UTF8.GetBytes(AdvertisingSnapshots.HtmlOf("es", "Página archivada", "Texto exacto."));

        var view = await client.GetAsync($"/admin/advertising/{id}/view");

        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal(expected, await view.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/html", view.Content.Headers.ContentType?.MediaType);
        Assert.Equal("sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; font-src data:",
            Assert.Single(view.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(view.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(view.Headers.CacheControl?.NoStore);
        Assert.Null(view.Content.Headers.ContentDisposition);

        var download = await client.GetAsync($"/admin/advertising/{id}/download");

        Assert.Equal(expected, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var day = DateOnly.FromDateTime(PiriSite.Domain.Content.FirmTimeZone.ToFirmTime(published)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"advertising-{day}-article-adv-view-es-{id}.html", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("sandbox", view.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // The staff pages keep the site's own policy, without the archive's.
        var show = await client.GetAsync($"/admin/advertising/{id}");
        Assert.DoesNotContain("sandbox", show.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/advertising/{id}/view\"", await show.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoSnapshotsOfOnePageAreComparedWordByWordAndOnlyThose()
    {
        using var client = await AttorneyAsync("adv.compare");
        var before = await AdvertisingSnapshots.AddAsync(factory, "adv-compare", "en", AdvertisingSnapshots.FirmNoon(9), "We answer within two days.\n\nCall us today.");
        var after = await AdvertisingSnapshots.AddAsync(factory, "adv-compare", "en", AdvertisingSnapshots.FirmNoon(2), "We answer within one day.\n\nCall us today.", "We answer within two days.\n\nCall us today.");
        var otherLanguage = await AdvertisingSnapshots.AddAsync(factory, "adv-compare", "es", AdvertisingSnapshots.FirmNoon(2), "Respondemos en un día.");
        var pending = await AdvertisingSnapshots.AddAsync(factory, "adv-compare", "en", AdvertisingSnapshots.FirmNoon(0), null);

        var response = await client.GetAsync($"/admin/advertising/compare?from={before}&to={after}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("<del>two days</del>", page, StringComparison.Ordinal);
        Assert.Contains("<ins>one day</ins>", page, StringComparison.Ordinal);
        Assert.Contains(PiriSite.Web.Areas.Admin.Models.SnapshotText.At(AdvertisingSnapshots.FirmNoon(9)), page, StringComparison.Ordinal);
        Assert.Contains(PiriSite.Web.Areas.Admin.Models.SnapshotText.At(AdvertisingSnapshots.FirmNoon(2)), page, StringComparison.Ordinal);
        var show = await client.GetStringAsync($"/admin/advertising/{after}");
        Assert.Contains($"href=\"/admin/advertising/compare?from={before}&amp;to={after}\"", show, StringComparison.Ordinal);

        foreach (var refused in new[] { $"from={otherLanguage}&to={after}", $"from={pending}&to={after}", $"from={after}&to={after}", $"from={before}", "" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/advertising/compare?{refused}")).StatusCode);
        }
    }

    [Fact]
    public async Task TheAttorneyRecordsAFilingAnExemptionAndUndoesThemEachAudited()
    {
        using var client = await AttorneyAsync("adv.filing");
        var id = await AdvertisingSnapshots.AddAsync(factory, "adv-filing", "en", AdvertisingSnapshots.FirmNoon(4), "To be filed.");
        var today = DateOnly.FromDateTime(PiriSite.Domain.Content.FirmTimeZone.ToFirmTime(DateTime.UtcNow));

        var page = await client.GetStringAsync($"/admin/advertising/{id}");
        var filed = await PostFilingAsync(client, id, page, new() { ["Choice"] = "filed", ["FiledOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["FilingReference"] = " ARC-2026-123 " });

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.Equal($"/admin/advertising/{id}", filed.Headers.Location?.OriginalString);
        page = await client.GetStringAsync($"/admin/advertising/{id}");
        Assert.Contains($"Filed on {PiriSite.Web.Areas.Admin.Models.SnapshotText.Day(today)} (ref ARC-2026-123)", page, StringComparison.Ordinal);

        var stale = page;
        var exempt = await PostFilingAsync(client, id, page, new() { ["Choice"] = "exempt", ["ExemptReason"] = "Only a typing error was corrected." });
        Assert.Equal(HttpStatusCode.Redirect, exempt.StatusCode);

        // A form opened before that exemption does not overwrite it.
        var conflict = await PostFilingAsync(client, id, stale, new() { ["Choice"] = "needs-filing" });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("The filing record changed while you had this page open", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        page = await client.GetStringAsync($"/admin/advertising/{id}");
        Assert.Contains("Exempt: Only a typing error was corrected.", page, StringComparison.Ordinal);
        var undone = await PostFilingAsync(client, id, page, new() { ["Choice"] = "needs-filing" });
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);

        await using var scope = factory.CreateDbScope();
        var snapshot = await scope.Db.AdvertisingSnapshots.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal(AdvertisingFilingState.NeedsFiling, snapshot.FilingState);
        Assert.Null(snapshot.FilingReference);
        var audit = await scope.Db.AuditEntries.AsNoTracking().Where(e => e.Target == $"Advertising snapshot #{id}").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["Advertising marked as filed", "Advertising marked as exempt", "Advertising marked as needing filing"], audit.Select(e => e.Action));
        Assert.Equal($"Filed on {PiriSite.Web.Areas.Admin.Models.SnapshotText.Day(today)}, reference ARC-2026-123", audit[0].Details);
        Assert.Equal("Only a typing error was corrected.", audit[1].Details);
        Assert.All(audit, e => Assert.Equal("adv.filing@pirisite.test", e.ActorName));
    }

    [Fact]
    public async Task ARefusedFilingComesBackWithItsErrorsAtTheirFieldsAndWhatWasTyped()
    {
        using var client = await AttorneyAsync("adv.invalid");
        var id = await AdvertisingSnapshots.AddAsync(factory, "adv-invalid", "en", AdvertisingSnapshots.FirmNoon(4), "To be filed.");
        var page = await client.GetStringAsync($"/admin/advertising/{id}");
        var tomorrow = DateOnly.FromDateTime(PiriSite.Domain.Content.FirmTimeZone.ToFirmTime(DateTime.UtcNow)).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var future = await PostFilingAsync(client, id, page, new() { ["Choice"] = "filed", ["FiledOn"] = tomorrow, ["FilingReference"] = "REF-<typed>" });
        var html = await future.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Matches("<p class=\"field-error\" id=\"FiledOn-error\">.*The filing date cannot be in the future.</p>\\s*<input type=\"date\" id=\"FiledOn\" name=\"FiledOn\" value=\"" + tomorrow + "\" aria-invalid=\"true\"", html);
        Assert.Contains("value=\"REF-&lt;typed&gt;\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"Choice-filed\" name=\"Choice\" value=\"filed\" checked=\"checked\"", html);

        var noReason = await PostFilingAsync(client, id, page, new() { ["Choice"] = "exempt", ["ExemptReason"] = "  ", ["FilingReference"] = "kept" });
        html = await noReason.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Matches("id=\"ExemptReason-error\">.*Say why this change needs no filing", html);
        Assert.Contains("value=\"kept\"", html, StringComparison.Ordinal);

        var nothing = await PostFilingAsync(client, id, page, new() { ["Choice"] = "banana" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothing.StatusCode);
        Assert.Contains("id=\"Choice-error\"", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var scope = factory.CreateDbScope();
        Assert.Equal(AdvertisingFilingState.NeedsFiling, (await scope.Db.AdvertisingSnapshots.AsNoTracking().SingleAsync(s => s.Id == id)).FilingState);
        Assert.False(await scope.Db.AuditEntries.AnyAsync(e => e.Target == $"Advertising snapshot #{id}"));
    }

    [Fact]
    public async Task NoRouteEditsOrDeletesASnapshot()
    {
        using var client = await AttorneyAsync("adv.nodelete");
        var id = await AdvertisingSnapshots.AddAsync(factory, "adv-nodelete", "en", AdvertisingSnapshots.FirmNoon(1), "Kept for ever.");
        var token = StaffSessions.AntiforgeryToken(await client.GetStringAsync($"/admin/advertising/{id}"));

        foreach (var (method, path) in new[]
        {
            ("POST", $"/admin/advertising/{id}/delete"), ("POST", $"/admin/advertising/{id}/edit"), ("GET", $"/admin/advertising/{id}/edit"),
            ("DELETE", $"/admin/advertising/{id}"), ("PUT", $"/admin/advertising/{id}"), ("PATCH", $"/admin/advertising/{id}"),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Text"] = "changed" }),
            };
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method} {path} answered {(int)response.StatusCode}");
        }

        await using var scope = factory.CreateDbScope();
        Assert.Equal("Kept for ever.", (await scope.Db.AdvertisingSnapshots.AsNoTracking().SingleAsync(s => s.Id == id)).Text);
    }

    private static Task<HttpResponseMessage> PostFilingAsync(HttpClient client, long id, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page);
        fields["Shown"] = WebUtility.HtmlDecode(ShownStamp().Match(page).Groups[1].Value);
        return client.PostAsync($"/admin/advertising/{id}", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"Shown\" value=\"([^\"]*)\"")]
    private static partial Regex ShownStamp();
}
