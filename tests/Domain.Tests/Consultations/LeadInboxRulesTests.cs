using PiriSite.Domain.Consultations;

namespace PiriSite.Domain.Tests.Consultations;

/// <summary>
/// The inbox's parts (open and detained, open with a court date soon, the rest) cover every request exactly once,
/// and "needs a response" counts an urgent New request at once.
/// </summary>
public class LeadInboxRulesTests
{
    private static readonly DateOnly s_today = new(2026, 11, 28);

    public static TheoryData<LeadStatus, Urgency, string?> Requests()
    {
        var data = new TheoryData<LeadStatus, Urgency, string?>();
        foreach (var status in Enum.GetValues<LeadStatus>())
        {
            data.Add(status, Urgency.None, null);
            data.Add(status, Urgency.Detained, null);
            data.Add(status, Urgency.CourtDate, "2026-12-01");
            data.Add(status, Urgency.CourtDate, "2026-12-12");
            data.Add(status, Urgency.CourtDate, "2026-12-13");
            data.Add(status, Urgency.CourtDate, "2026-11-01");
            data.Add(status, Urgency.CourtDate, null);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void EveryRequestIsInExactlyOnePartOfTheInbox(LeadStatus status, Urgency urgency, string? courtDate)
    {
        var request = Request(status, urgency, courtDate);

        var detained = LeadRules.OpenDetained().Compile()(request);
        var courtSoon = LeadRules.OpenWithCourtDateOn(s_today).Compile()(request);
        var rest = LeadRules.NotOpenAndUrgentOn(s_today).Compile()(request);

        Assert.Equal(1, new[] { detained, courtSoon, rest }.Count(part => part));
        var liftedInMemory = LeadWorkflow.IsOpen(status) && LeadWorkflow.IsUrgent(urgency, request.CourtDate, s_today);
        Assert.Equal(liftedInMemory, detained || courtSoon);
        Assert.Equal(liftedInMemory, LeadRules.OpenAndUrgentOn(s_today).Compile()(request));
    }

    [Theory]
    [InlineData(LeadStatus.New, Urgency.None, 30, true)]
    [InlineData(LeadStatus.New, Urgency.None, 1, false)]
    [InlineData(LeadStatus.New, Urgency.Detained, 1, true)]
    [InlineData(LeadStatus.New, Urgency.CourtDate, 1, true)]
    [InlineData(LeadStatus.Contacted, Urgency.Detained, 1, false)]
    [InlineData(LeadStatus.Contacted, Urgency.None, 30, false)]
    [InlineData(LeadStatus.Spam, Urgency.Detained, 30, false)]
    public void ANewRequestNeedsAResponseWhenItHasWaitedTooLongOrIsUrgent(LeadStatus status, Urgency urgency, int hoursWaiting, bool needsResponse)
    {
        var request = Request(status, urgency, urgency == Urgency.CourtDate ? "2026-12-03" : null);
        // Now is hoursWaiting after it arrived; the threshold is 24 hours before now.
        var threshold = request.CreatedAt.AddHours(hoursWaiting - 24);

        Assert.Equal(needsResponse, LeadRules.NeedsResponse(threshold, s_today).Compile()(request));
    }

    private static ConsultationRequest Request(LeadStatus status, Urgency urgency, string? courtDate)
    {
        var date = courtDate is null ? (DateOnly?)null : DateOnly.Parse(courtDate, System.Globalization.CultureInfo.InvariantCulture);
        var request = LeadTestRequests.Received(status == LeadStatus.Spam ? SpamVerdict.Honeypot : SpamVerdict.NotSpam, urgency, date);
        LeadTestRequests.WalkTo(request, status, request.CreatedAt);
        return request;
    }
}
