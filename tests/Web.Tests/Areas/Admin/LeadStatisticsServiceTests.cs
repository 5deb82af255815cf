using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Content;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>The dashboard's figures, and that they count urgency as the inbox does.</summary>
public sealed class LeadStatisticsServiceTests : IDisposable
{
    private readonly SiteFactory _factory = new();

    private async Task AddAsync(params ConsultationRequest[] requests)
    {
        await using var scope = _factory.CreateDbScope();
        scope.Db.ConsultationRequests.AddRange(requests);
        await scope.Db.SaveChangesAsync();
    }

    [Fact]
    public async Task UrgentRequestsAreTheOpenOnesTheInboxFlagsAsUrgent()
    {
        var today = DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(DateTime.UtcNow));
        await AddAsync(
            LeadRequests.Make("Detained New", urgency: Urgency.Detained),
            LeadRequests.Make("Court In Two Weeks", urgency: Urgency.CourtDate, courtDate: today.AddDays(14)),
            LeadRequests.Make("Court In Fifteen Days", urgency: Urgency.CourtDate, courtDate: today.AddDays(15)),
            LeadRequests.Make("Detained But Contacted", LeadStatus.Contacted, urgency: Urgency.Detained),
            LeadRequests.Make("Not Urgent"),
            LeadRequests.Make("Spam Detained", LeadStatus.Spam, urgency: Urgency.Detained));
        await using var scope = _factory.CreateDbScope();

        var statistics = await scope.Services.GetRequiredService<LeadStatisticsService>().DashboardAsync();
        var inbox = await scope.Services.GetRequiredService<LeadInboxService>()
            .InboxAsync(new LeadQuery(View: null, Status: LeadStatus.New, Area: null, Language: null, Urgent: true, From: null, To: null, Search: null));

        // Open and urgent: the two New ones and the contacted one; not the spam, not the court date too far away.
        Assert.Equal(3, statistics.UrgentRequests);
        // Listed as the inbox lists them: the detained first, then the court date.
        Assert.Equal(["Detained But Contacted", "Detained New"], statistics.Urgent.Take(2).Select(r => r.FullName).Order(StringComparer.Ordinal));
        Assert.Equal("Court In Two Weeks", statistics.Urgent[^1].FullName);
        Assert.Equal(["Court In Two Weeks", "Detained New"], inbox.Rows.Select(r => r.FullName).Order(StringComparer.Ordinal));
        Assert.All(inbox.Rows, r => Assert.True(r.Urgent));
        Assert.Equal(4, statistics.NewRequests);
        Assert.Equal(5, statistics.RequestsThisWeek);
        Assert.Equal(1, statistics.SuspectedSpam);
    }

    [Fact]
    public async Task TheRetainedShareCountsOnlyDecidedRequestsAndTheChartsCountEveryStatus()
    {
        await AddAsync(
            LeadRequests.Make("Retained One", LeadStatus.Retained, area: "asylum"),
            LeadRequests.Make("Not Retained One", LeadStatus.NotRetained, area: "asylum"),
            LeadRequests.Make("Not Retained Two", LeadStatus.NotRetained, area: null),
            LeadRequests.Make("Still Open", LeadStatus.Contacted, area: null));
        await using var scope = _factory.CreateDbScope();

        var statistics = await scope.Services.GetRequiredService<LeadStatisticsService>().DashboardAsync();

        Assert.Equal(1.0 / 3, statistics.RetainedShare30!.Value, 3);
        Assert.Equal(Enum.GetValues<LeadStatus>().Length, statistics.ByStatus.Count);
        Assert.Contains(new LeadCount("Not retained", 2), statistics.ByStatus);
        Assert.Contains(new LeadCount("Not sure", 2), statistics.ByPracticeArea);
    }

    public void Dispose() => _factory.Dispose();
}
