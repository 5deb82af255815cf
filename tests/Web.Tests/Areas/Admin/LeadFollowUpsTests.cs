using System.Net;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>A follow-up date, once set, comes back: in the inbox's "Follow-ups due" view and count, and on the dashboard.</summary>
public sealed class LeadFollowUpsTests : IDisposable
{
    private readonly LeadInboxSite _site = new();

    [Fact]
    public async Task FollowUpsDueListsOpenRequestsDueTodayOrEarlierEarliestFirstWithOverdueOnesMarked()
    {
        await _site.AddAsync("Due Today Person", followUpInDays: 0);
        await _site.AddAsync("Three Days Late Person", LeadStatus.Contacted, followUpInDays: -3);
        await _site.AddAsync("Yesterday Late Person", LeadStatus.ConsultationScheduled, followUpInDays: -1);
        await _site.AddAsync("Next Week Person", followUpInDays: 7);
        await _site.AddAsync("Closed Late Person", LeadStatus.NotRetained, followUpInDays: -2);
        await _site.AddAsync("No Date Person");
        using var client = await _site.SignInAsync();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/leads?view=follow-ups"));
        var inbox = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/leads"));

        Assert.Equal(["Three Days Late Person", "Yesterday Late Person", "Due Today Person"],
            LeadInboxSite.Order(html, "Due Today Person", "Three Days Late Person", "Yesterday Late Person"));
        Assert.DoesNotContain("Next Week Person", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Closed Late Person", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No Date Person", html, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"inbox-title\">Follow-ups due</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Follow-ups due <span class=\"count\">3</span>", inbox, StringComparison.Ordinal);

        // Overdue in words on the two late cards, not on the one due today.
        Assert.Contains($"Follow up {LeadInboxSite.Today.AddDays(-3):MMM d, yyyy} <strong class=\"overdue-mark\">Overdue</strong>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split(">Overdue</strong>").Length - 1);
        Assert.Contains("Follow up today</span>", html, StringComparison.Ordinal);

        // Every card in the inbox shows its follow-up date when it has one.
        Assert.Contains($"Follow up {LeadInboxSite.Today.AddDays(7):MMM d, yyyy}", Card(inbox, "Next Week Person"), StringComparison.Ordinal);
        Assert.DoesNotContain("Follow up", Card(inbox, "No Date Person"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDashboardLinksToTheFollowUpsDueAndListsThemWithTheOverdueMarked()
    {
        var late = await _site.AddAsync("Late Follow Up Person", LeadStatus.Contacted, followUpInDays: -4);
        var today = await _site.AddAsync("Today Follow Up Person", followUpInDays: 0);
        await _site.AddAsync("Later Follow Up Person", followUpInDays: 2);
        using var client = await _site.SignInAsync();

        var dashboard = WebUtility.HtmlDecode(await client.GetStringAsync("/admin"));

        Assert.Contains("<a href=\"/admin/leads?view=follow-ups\"><span class=\"stat-value\">2</span> follow-ups due</a>", dashboard, StringComparison.Ordinal);
        var list = dashboard[dashboard.IndexOf("id=\"follow-ups-title\"", StringComparison.Ordinal)..];
        list = list[..list.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("Follow-ups due (2)", list, StringComparison.Ordinal);
        Assert.Equal(["Late Follow Up Person", "Today Follow Up Person"], LeadInboxSite.Order(list, "Today Follow Up Person", "Late Follow Up Person"));
        Assert.Contains($"/admin/leads/{late.Reference}", Html.Hrefs(list));
        Assert.Contains($"/admin/leads/{today.Reference}", Html.Hrefs(list));
        Assert.Contains(late.Reference, list, StringComparison.Ordinal);
        Assert.Contains($"Follow up {LeadInboxSite.Today.AddDays(-4):MMM d, yyyy} <strong class=\"overdue-mark\">Overdue</strong>", list, StringComparison.Ordinal);
        Assert.Equal(1, list.Split(">Overdue</strong>").Length - 1);
        Assert.DoesNotContain("Later Follow Up Person", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithNoFollowUpsDueTheViewAndTheDashboardSaySo()
    {
        await _site.AddAsync("Someone Later", followUpInDays: 3);
        using var client = await _site.SignInAsync();

        Assert.Contains("No follow-ups are due.", await client.GetStringAsync("/admin/leads?view=follow-ups"), StringComparison.Ordinal);
        Assert.Contains("No follow-ups are due today.", await client.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    // One request's card in the inbox's HTML.
    private static string Card(string html, string name)
    {
        var start = html.LastIndexOf("<article", html.IndexOf(name, StringComparison.Ordinal), StringComparison.Ordinal);
        return html[start..html.IndexOf("</article>", start, StringComparison.Ordinal)];
    }

    public void Dispose() => _site.Dispose();
}
