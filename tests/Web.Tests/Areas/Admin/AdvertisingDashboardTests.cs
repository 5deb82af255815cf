using System.Text.RegularExpressions;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>The dashboard's advertising to file, on a site of its own: no other test's snapshots push these off its short list.</summary>
public partial class AdvertisingDashboardTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TheAttorneysDashboardListsWhatIsStillToFileLateFirstWithTheDaysLeft()
    {
        var (attorney, key) = await StaffSessions.CreateAsync(factory, "adv.dashboard@pirisite.test", StaffRoles.Attorney);
        using var client = await StaffSessions.SignInAsync(factory, attorney.Email!, key);
        var late = await AdvertisingSnapshots.AddAsync(factory, "adv-dashboard-late", "fr", AdvertisingSnapshots.FirmNoon(12), "En retard.", title: "Page en retard");
        var soon = await AdvertisingSnapshots.AddAsync(factory, "adv-dashboard-soon", "en", AdvertisingSnapshots.FirmNoon(3), "Soon.", title: "Page due soon");
        var today = await AdvertisingSnapshots.AddAsync(factory, "adv-dashboard-today", "en", AdvertisingSnapshots.FirmNoon(10), "Today.", title: "Page due today");

        var dashboard = await client.GetStringAsync("/admin");

        var section = DashboardSection().Match(dashboard).Value;
        Assert.Contains("Advertising to file (", section, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/advertising\"", section, StringComparison.Ordinal);
        var lateAt = section.IndexOf($"/admin/advertising/{late}\"", StringComparison.Ordinal);
        var todayAt = section.IndexOf($"/admin/advertising/{today}\"", StringComparison.Ordinal);
        var soonAt = section.IndexOf($"/admin/advertising/{soon}\"", StringComparison.Ordinal);
        Assert.True(lateAt >= 0 && lateAt < todayAt && todayAt < soonAt, section);
        Assert.Matches("adv-due-urgent\">\\s*<a href=\"/admin/advertising/" + late + "\">Page en retard</a>[\\s\\S]*?2 days late", section);
        Assert.Matches("<a href=\"/admin/advertising/" + today + "\">Page due today</a>[\\s\\S]*?due today", section);
        Assert.Matches("adv-due\">\\s*<a href=\"/admin/advertising/" + soon + "\">Page due soon</a>[\\s\\S]*?7 days left", section);
    }

    [GeneratedRegex("<section class=\"dashboard-list adv-dashboard[\\s\\S]*?</section>")]
    private static partial Regex DashboardSection();
}
