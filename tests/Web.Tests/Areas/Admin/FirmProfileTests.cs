using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

public class FirmProfileTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TheAttorneyEditsTheFirmProfileAndEveryPageShowsIt()
    {
        var (attorney, key) = await StaffSessions.CreateAsync(factory, "firm.attorney@pirisite.test", StaffRoles.Attorney);
        using var client = await StaffSessions.SignInAsync(factory, attorney.Email!, key);
        var page = await client.GetStringAsync("/admin/firm");
        var fields = Regex.Matches(page, "<(?:input|textarea) id=\"(\\w+)\" name=\"\\w+\"[^>]*?(?:value=\"([^\"]*)\"[^>]*>|>([^<]*)</textarea>)")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value));
        fields["Phone"] = "(833) 600-0030";
        fields["Version"] = Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        fields["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page);

        var saved = await client.PostAsync("/admin/firm", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var visitor = factory.CreateClient();
        var home = await visitor.GetStringAsync("/");
        Assert.Contains("tel:+18336000030", Html.Hrefs(home));
        Assert.Contains("Fluent in Spanish &amp; French", home, StringComparison.Ordinal);

        fields["Phone"] = "";
        var refused = await client.PostAsync("/admin/firm", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Enter the phone number.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormWhoseVersionIsNotANumberIsRefusedAndSavesNothing()
    {
        var (attorney, key) = await StaffSessions.CreateAsync(factory, "firm.tampered@pirisite.test", StaffRoles.Attorney);
        using var client = await StaffSessions.SignInAsync(factory, attorney.Email!, key);
        var page = await client.GetStringAsync("/admin/firm");

        var response = await client.PostAsync("/admin/firm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["FirmName"] = "Tampered Firm", ["AttorneyName"] = "Someone", ["Phone"] = "(833) 600-0029", ["Version"] = "latest",
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var visitor = factory.CreateClient();
        Assert.DoesNotContain("Tampered Firm", await visitor.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachLanguagesProfileIsEditedOnItsOwnWithItsLegalTextsRequired()
    {
        var (attorney, key) = await StaffSessions.CreateAsync(factory, "firm.languages@pirisite.test", StaffRoles.Attorney);
        using var client = await StaffSessions.SignInAsync(factory, attorney.Email!, key);
        var page = await client.GetStringAsync("/admin/firm?culture=es");
        Assert.Contains("<form method=\"post\" action=\"/admin/firm?culture=es\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/firm?culture=es\" aria-current=\"page\">Spanish</a>", page, StringComparison.Ordinal);
        var fields = Regex.Matches(page, "<(?:input|textarea) id=\"(\\w+)\" name=\"\\w+\"[^>]*?(?:value=\"([^\"]*)\"[^>]*>|>([^<]*)</textarea>)")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value));
        Assert.StartsWith("Publicidad de abogados", fields["AdvertisingDisclaimer"], StringComparison.Ordinal);
        fields["Version"] = Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        fields["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page);

        fields["AdvertisingDisclaimer"] = " ";
        var refused = await client.PostAsync("/admin/firm?culture=es", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Enter the attorney advertising notice.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fields["AdvertisingDisclaimer"] = "Publicidad de abogados. Texto revisado.";
        var saved = await client.PostAsync("/admin/firm?culture=es", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/admin/firm?culture=es", saved.Headers.Location?.OriginalString);
        await using var scope = factory.CreateDbScope();
        var profiles = await scope.Db.FirmProfiles.AsNoTracking().ToDictionaryAsync(f => f.Culture);
        Assert.Equal("Publicidad de abogados. Texto revisado.", profiles[SiteCulture.Spanish].AdvertisingDisclaimer);
        Assert.StartsWith("Attorney Advertising", profiles[SiteCulture.English].AdvertisingDisclaimer, StringComparison.Ordinal);
        Assert.True(await scope.Db.AuditEntries.AnyAsync(e => e.Action == "Firm profile edited (Spanish)"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/firm?culture=de")).StatusCode);
    }
}
