using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Advertising;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>One State Bar filing recorded for several ticked changes of the "To file" list: all of them, or none.</summary>
public class AdvertisingBulkFilingTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private static string Today => DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(DateTime.UtcNow)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<HttpClient> AttorneyAsync(string name)
    {
        var (attorney, key) = await StaffSessions.CreateAsync(factory, $"{name}@pirisite.test", StaffRoles.Attorney);
        return await StaffSessions.SignInAsync(factory, attorney.Email!, key);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, IEnumerable<long> ids, string filedOn, string reference)
    {
        var page = await client.GetStringAsync("/admin/advertising");
        var fields = ids.Select(id => new KeyValuePair<string, string>("Ids", id.ToString(CultureInfo.InvariantCulture))).ToList();
        fields.Add(new("FiledOn", filedOn));
        fields.Add(new("Reference", reference));
        fields.Add(new("__RequestVerificationToken", StaffSessions.AntiforgeryToken(page)));
        return await client.PostAsync("/admin/advertising/filed", new FormUrlEncodedContent(fields));
    }

    private async Task<List<AdvertisingSnapshot>> SnapshotsAsync(params long[] ids)
    {
        await using var scope = factory.CreateDbScope();
        return await scope.Db.AdvertisingSnapshots.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync();
    }

    [Fact]
    public async Task OneFilingIsRecordedForEveryTickedChangeEachAudited()
    {
        using var client = await AttorneyAsync("bulk.filed");
        var home = await AdvertisingSnapshots.AddAsync(factory, "bulk-a", "en", AdvertisingSnapshots.FirmNoon(3), "Home text.");
        var spanish = await AdvertisingSnapshots.AddAsync(factory, "bulk-b", "es", AdvertisingSnapshots.FirmNoon(2), "Texto.");
        var untouched = await AdvertisingSnapshots.AddAsync(factory, "bulk-c", "fr", AdvertisingSnapshots.FirmNoon(1), "Texte.");

        var page = await client.GetStringAsync("/admin/advertising");
        Assert.Contains($"id=\"pick-{home}\" name=\"Ids\" value=\"{home}\"", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"BulkFiledOn\" name=\"FiledOn\" value=\"{Today}\"", page, StringComparison.Ordinal);

        var response = await PostAsync(client, [home, spanish], Today, " ARC-WEB-2026 ");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("The filing was recorded for 2 changes.", await client.GetStringAsync("/admin/advertising"), StringComparison.Ordinal);
        var snapshots = await SnapshotsAsync(home, spanish, untouched);
        Assert.Equal([AdvertisingFilingState.Filed, AdvertisingFilingState.Filed, AdvertisingFilingState.NeedsFiling], snapshots.Select(s => s.FilingState));
        Assert.All(snapshots.Take(2), s => Assert.Equal("ARC-WEB-2026", s.FilingReference));
        await using var scope = factory.CreateDbScope();
        var audit = await scope.Db.AuditEntries.AsNoTracking().Where(e => e.ActorName == "bulk.filed@pirisite.test" && e.Action == "Advertising marked as filed").ToListAsync();
        Assert.Equal([$"Advertising snapshot #{home}", $"Advertising snapshot #{spanish}"], audit.Select(e => e.Target).Order());
        Assert.All(audit, e => Assert.EndsWith("reference ARC-WEB-2026 (one filing for 2 changes)", e.Details, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARefusedFilingSavesNothingAndKeepsTheTicksAndWhatWasTyped()
    {
        using var client = await AttorneyAsync("bulk.refused");
        var first = await AdvertisingSnapshots.AddAsync(factory, "bulk-refused-a", "en", AdvertisingSnapshots.FirmNoon(3), "One.");
        var second = await AdvertisingSnapshots.AddAsync(factory, "bulk-refused-b", "en", AdvertisingSnapshots.FirmNoon(2), "Two.");
        var tomorrow = DateOnly.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var future = await PostAsync(client, [first, second], tomorrow, "REF-<typed>");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        var html = await future.Content.ReadAsStringAsync();
        Assert.Contains("id=\"BulkFiledOn-error\"", html, StringComparison.Ordinal);
        Assert.Contains("The filing date cannot be in the future.", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"pick-{first}\" name=\"Ids\" value=\"{first}\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"pick-{second}\" name=\"Ids\" value=\"{second}\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"REF-&lt;typed&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{tomorrow}\"", html, StringComparison.Ordinal);

        var none = await PostAsync(client, [], Today, "REF-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("Tick the changes this filing covers.", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.All(await SnapshotsAsync(first, second), s => Assert.Equal(AdvertisingFilingState.NeedsFiling, s.FilingState));
    }

    [Fact]
    public async Task AChangeRecordedMeanwhileRefusesTheWholeFiling()
    {
        using var client = await AttorneyAsync("bulk.conflict");
        var marked = await AdvertisingSnapshots.AddAsync(factory, "bulk-conflict-a", "en", AdvertisingSnapshots.FirmNoon(3), "One.");
        var waiting = await AdvertisingSnapshots.AddAsync(factory, "bulk-conflict-b", "en", AdvertisingSnapshots.FirmNoon(2), "Two.");
        await using (var scope = factory.CreateDbScope())
        {
            var snapshot = await scope.Db.AdvertisingSnapshots.SingleAsync(s => s.Id == marked);
            Assert.Empty(snapshot.MarkExempt("A colleague marked it first.", DateTime.UtcNow, "colleague@pirisite.test"));
            await scope.Db.SaveChangesAsync();
        }

        var response = await PostAsync(client, [marked, waiting], Today, "REF-2");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("no longer waiting to be filed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var snapshots = await SnapshotsAsync(marked, waiting);
        Assert.Equal([AdvertisingFilingState.Exempt, AdvertisingFilingState.NeedsFiling], snapshots.Select(s => s.FilingState));
    }
}
