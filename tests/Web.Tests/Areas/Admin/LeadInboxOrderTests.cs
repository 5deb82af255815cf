using System.Net;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// The inbox's default order (someone detained, then the nearest court dates, then newest), what "needs a
/// response" and "urgent only" hold, and how the dashboard names the urgent requests.
/// </summary>
public sealed class LeadInboxOrderTests : IDisposable
{
    private readonly LeadInboxSite _site = new();

    [Fact]
    public async Task SomeoneDetainedComesFirstEvenWhenOlderThenTheNearestCourtDatesThenNewest()
    {
        await _site.AddAsync("Ordinary Newest", receivedAgo: TimeSpan.FromMinutes(10));
        await _site.AddAsync("Court In Ten Days", urgency: Urgency.CourtDate, courtInDays: 10, receivedAgo: TimeSpan.FromHours(1));
        await _site.AddAsync("Court In Three Days", urgency: Urgency.CourtDate, courtInDays: 3, receivedAgo: TimeSpan.FromDays(5));
        await _site.AddAsync("Detained Six Days Ago", urgency: Urgency.Detained, receivedAgo: TimeSpan.FromDays(6));
        await _site.AddAsync("Detained Yesterday", urgency: Urgency.Detained, receivedAgo: TimeSpan.FromDays(1));
        await _site.AddAsync("Contacted Court Tomorrow", LeadStatus.Contacted, Urgency.CourtDate, courtInDays: 1, receivedAgo: TimeSpan.FromDays(2));
        // Not lifted: a court date outside the urgent window, and urgent requests that are no longer open.
        await _site.AddAsync("Court Next Month", urgency: Urgency.CourtDate, courtInDays: 30, receivedAgo: TimeSpan.FromMinutes(20));
        await _site.AddAsync("Retained Once Detained", LeadStatus.Retained, Urgency.Detained, receivedAgo: TimeSpan.FromMinutes(30));
        await _site.AddAsync("Not Retained Court Soon", LeadStatus.NotRetained, Urgency.CourtDate, courtInDays: 2, receivedAgo: TimeSpan.FromHours(3));
        using var client = await _site.SignInAsync();
        string[] names =
        [
            "Detained Yesterday", "Detained Six Days Ago", "Contacted Court Tomorrow", "Court In Three Days", "Court In Ten Days",
            "Ordinary Newest", "Court Next Month", "Retained Once Detained", "Not Retained Court Soon",
        ];

        var html = await client.GetStringAsync("/admin/leads");
        var newest = await client.GetStringAsync("/admin/leads?sort=newest");

        Assert.Equal(names, LeadInboxSite.Order(html, names));
        Assert.Equal(
            ["Ordinary Newest", "Court Next Month", "Retained Once Detained", "Court In Ten Days", "Not Retained Court Soon",
             "Detained Yesterday", "Contacted Court Tomorrow", "Court In Three Days", "Detained Six Days Ago"],
            LeadInboxSite.Order(newest, names));
        Assert.Contains("Court date on", html, StringComparison.Ordinal);
        Assert.Contains("(in 3 days)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("CourtDate", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Urgent first</label>", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Urgent first</a>", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Newest first</a>", newest, StringComparison.Ordinal);
        // Urgent in words, and only while open: the retained client's card has no urgent mark.
        Assert.Equal(5, html.Split("class=\"urgent-mark\"").Length - 1);
    }

    [Fact]
    public async Task PagesRunFromTheDetainedThroughTheCourtDatesIntoTheRest()
    {
        using var site = new LeadInboxSite(pageSize: 3);
        await site.AddAsync("Detained A", urgency: Urgency.Detained, receivedAgo: TimeSpan.FromHours(30));
        await site.AddAsync("Detained B", urgency: Urgency.Detained, receivedAgo: TimeSpan.FromHours(40));
        await site.AddAsync("Court A", urgency: Urgency.CourtDate, courtInDays: 2, receivedAgo: TimeSpan.FromHours(50));
        await site.AddAsync("Court B", urgency: Urgency.CourtDate, courtInDays: 9, receivedAgo: TimeSpan.FromHours(1));
        await site.AddAsync("Other A", receivedAgo: TimeSpan.FromHours(2));
        await site.AddAsync("Other B", receivedAgo: TimeSpan.FromHours(3));
        await site.AddAsync("Other C", receivedAgo: TimeSpan.FromHours(4));
        using var client = await site.SignInAsync();

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await client.GetStringAsync($"/admin/leads?page={page}"));
        }

        string[] all = ["Detained A", "Detained B", "Court A", "Court B", "Other A", "Other B", "Other C"];
        string[][] expected = [["Detained A", "Detained B", "Court A"], ["Court B", "Other A", "Other B"], ["Other C"]];
        for (var i = 0; i < 3; i++)
        {
            var shown = all.Where(name => pages[i].Contains(name, StringComparison.Ordinal)).ToArray();
            Assert.Equal(expected[i], LeadInboxSite.Order(pages[i], shown));
        }

        Assert.Contains("Page 3 of 3", pages[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFreshUrgentRequestNeedsAResponseAtOnce()
    {
        await _site.AddAsync("Waiting Two Days", receivedAgo: TimeSpan.FromDays(2));
        await _site.AddAsync("Detained Just Now", urgency: Urgency.Detained, receivedAgo: TimeSpan.FromMinutes(2));
        await _site.AddAsync("Court Soon Just Now", urgency: Urgency.CourtDate, courtInDays: 5, receivedAgo: TimeSpan.FromMinutes(1));
        await _site.AddAsync("Arrived Now Not Urgent", receivedAgo: TimeSpan.FromMinutes(1));
        await _site.AddAsync("Detained Already Contacted", LeadStatus.Contacted, Urgency.Detained);
        using var client = await _site.SignInAsync();

        var html = await client.GetStringAsync("/admin/leads?view=needs-response");
        var inbox = await client.GetStringAsync("/admin/leads");
        var dashboard = await client.GetStringAsync("/admin");

        Assert.Equal(["Detained Just Now", "Court Soon Just Now", "Waiting Two Days"], LeadInboxSite.Order(html, "Waiting Two Days", "Detained Just Now", "Court Soon Just Now"));
        Assert.DoesNotContain("Arrived Now Not Urgent", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Detained Already Contacted", html, StringComparison.Ordinal);
        Assert.Contains("3 requests", html, StringComparison.Ordinal);
        Assert.Contains("Needs a response <span class=\"count\">3</span>", inbox, StringComparison.Ordinal);
        Assert.Contains("3 requests need a response: 2 urgent (answer at once) and 1 waiting more than 24 hours.", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UrgentOnlyListsTheOpenUrgentRequestsAndTheDashboardLinksAndListsThem()
    {
        await _site.AddAsync("Court In Four Days", urgency: Urgency.CourtDate, courtInDays: 4, receivedAgo: TimeSpan.FromMinutes(1));
        await _site.AddAsync("Detained Last Week", LeadStatus.ConsultationScheduled, Urgency.Detained, receivedAgo: TimeSpan.FromDays(7));
        await _site.AddAsync("Court In Twelve Days", urgency: Urgency.CourtDate, courtInDays: 12, receivedAgo: TimeSpan.FromDays(3));
        await _site.AddAsync("Retained Detained Client", LeadStatus.Retained, Urgency.Detained);
        await _site.AddAsync("Calm Request");
        using var client = await _site.SignInAsync();

        var urgent = await client.GetStringAsync("/admin/leads?urgent=true");
        var dashboard = await client.GetStringAsync("/admin");

        Assert.Equal(["Detained Last Week", "Court In Four Days", "Court In Twelve Days"],
            LeadInboxSite.Order(urgent, "Court In Four Days", "Detained Last Week", "Court In Twelve Days"));
        Assert.DoesNotContain("Retained Detained Client", urgent, StringComparison.Ordinal);
        Assert.DoesNotContain("Calm Request", urgent, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"inbox-title\">Urgent requests</h1>", urgent, StringComparison.Ordinal);

        Assert.Contains("<a href=\"/admin/leads?urgent=true\"><span class=\"stat-value\">3</span> urgent open requests</a>", dashboard, StringComparison.Ordinal);
        var list = dashboard[dashboard.IndexOf("id=\"urgent-title\"", StringComparison.Ordinal)..dashboard.IndexOf("id=\"follow-ups-title\"", StringComparison.Ordinal)];
        Assert.Equal(["Detained Last Week", "Court In Four Days", "Court In Twelve Days"],
            LeadInboxSite.Order(list, "Court In Four Days", "Detained Last Week", "Court In Twelve Days"));
        Assert.DoesNotContain("Retained Detained Client", list, StringComparison.Ordinal);
        Assert.Contains("Someone detained", list, StringComparison.Ordinal);
        Assert.Contains("/admin/leads?urgent=true", list, StringComparison.Ordinal);
        foreach (var reference in Html.Hrefs(list).Where(h => h.StartsWith("/admin/leads/PR-", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(reference)).StatusCode);
        }
    }

    [Fact]
    public async Task TheFiltersAreClosedUntilOneIsAppliedThatTheTitleDoesNotSayAndAnEmptyListSaysSo()
    {
        await _site.AddAsync("Only English", language: ContactLanguage.English);
        using var client = await _site.SignInAsync(StaffRoles.Attorney);

        var plain = await client.GetStringAsync("/admin/leads");
        var french = await client.GetStringAsync("/admin/leads?language=French");
        var needsResponse = await client.GetStringAsync("/admin/leads?view=needs-response");
        var urgent = await client.GetStringAsync("/admin/leads?urgent=true");
        var contacted = await client.GetStringAsync("/admin/leads?status=Contacted");
        var urgentAndContacted = await client.GetStringAsync("/admin/leads?status=Contacted&urgent=true");

        Assert.Contains("<details class=\"inbox-filters\">", plain, StringComparison.Ordinal);
        Assert.Contains("<details class=\"inbox-filters\" open=\"open\">", french, StringComparison.Ordinal);
        // The dashboard's links: the title names the one filter, so the list comes first.
        Assert.Contains("<h1 class=\"inbox-title\">Urgent requests</h1>", urgent, StringComparison.Ordinal);
        Assert.Contains("<details class=\"inbox-filters\">", urgent, StringComparison.Ordinal);
        Assert.Contains("Filters (1 applied)", urgent, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"inbox-title\">Contacted requests</h1>", contacted, StringComparison.Ordinal);
        Assert.Contains("<details class=\"inbox-filters\">", contacted, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"inbox-title\">Consultation requests</h1>", urgentAndContacted, StringComparison.Ordinal);
        Assert.Contains("<details class=\"inbox-filters\" open=\"open\">", urgentAndContacted, StringComparison.Ordinal);
        Assert.Contains("No requests match these filters.", french, StringComparison.Ordinal);
        Assert.Contains("No requests need a response.", needsResponse, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", plain, StringComparison.Ordinal);
    }

    public void Dispose() => _site.Dispose();
}
