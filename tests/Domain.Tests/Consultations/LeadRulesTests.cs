using PiriSite.Domain.Consultations;

namespace PiriSite.Domain.Tests.Consultations;

/// <summary>The rules that run both as queries and in memory: the compiled query says what the in-memory check says.</summary>
public class LeadRulesTests
{
    private static readonly DateOnly s_today = new(2026, 11, 28);

    [Theory]
    [InlineData(Urgency.Detained, null, true)]
    [InlineData(Urgency.Detained, "2027-06-01", true)]
    [InlineData(Urgency.CourtDate, "2026-11-01", true)]
    [InlineData(Urgency.CourtDate, "2026-12-12", true)]
    [InlineData(Urgency.CourtDate, "2026-12-13", false)]
    [InlineData(Urgency.CourtDate, null, false)]
    [InlineData(Urgency.None, "2026-11-30", false)]
    [InlineData(Urgency.None, null, false)]
    public void TheUrgentQueryAndTheInMemoryCheckAgree(Urgency urgency, string? courtDate, bool urgent)
    {
        var date = courtDate is null ? (DateOnly?)null : DateOnly.Parse(courtDate, System.Globalization.CultureInfo.InvariantCulture);
        var request = LeadTestRequests.Received(urgency: urgency, courtDate: date);

        Assert.Equal(urgent, LeadRules.UrgentOn(s_today).Compile()(request));
        Assert.Equal(urgent, LeadWorkflow.IsUrgent(urgency, date, s_today));
        Assert.Equal(!urgent, LeadRules.NotUrgentOn(s_today).Compile()(request));
    }

    [Theory]
    [InlineData(LeadStatus.New, -3, true)]
    [InlineData(LeadStatus.Contacted, 0, true)]
    [InlineData(LeadStatus.ConsultationScheduled, 1, false)]
    [InlineData(LeadStatus.Retained, -3, false)]
    [InlineData(LeadStatus.NotRetained, 0, false)]
    public void AFollowUpIsDueOnItsDayAndAfterWhileTheRequestIsOpen(LeadStatus status, int daysFromToday, bool due)
    {
        var request = LeadTestRequests.InStatus(status);
        request.SetFollowUp(s_today.AddDays(daysFromToday));

        Assert.Equal(due, LeadRules.FollowUpDueBy(s_today).Compile()(request));
        Assert.False(LeadRules.FollowUpDueBy(s_today).Compile()(LeadTestRequests.InStatus(status)));
    }

    [Theory]
    [InlineData(LeadStatus.NotRetained, -1, true)]
    [InlineData(LeadStatus.Spam, -1, true)]
    [InlineData(LeadStatus.NotRetained, 1, false)]
    [InlineData(LeadStatus.Retained, -1, false)]
    [InlineData(LeadStatus.New, -1, false)]
    [InlineData(LeadStatus.Contacted, -1, false)]
    public void ClosedBeforeIsAClosedStatusLastChangedBeforeTheCutoff(LeadStatus status, int cutoffOffsetDays, bool deleted)
    {
        var request = LeadTestRequests.InStatus(status);
        var cutoff = request.StatusChangedAt.AddDays(-cutoffOffsetDays);

        Assert.Equal(deleted, LeadRules.ClosedBefore(cutoff).Compile()(request));
        Assert.Equal(LeadWorkflow.IsClosedForRetention(status) && request.StatusChangedAt < cutoff, deleted);
    }

    [Fact]
    public void InactiveMeansOpenUnchangedWithoutRecentNotesOrAComingFollowUp()
    {
        var cutoff = LeadTestRequests.ReceivedAt.AddDays(30);
        var followUpBefore = new DateOnly(2026, 3, 1);
        var idle = LeadTestRequests.InStatus(LeadStatus.Contacted);
        idle.Id = 1;
        var noted = LeadTestRequests.InStatus(LeadStatus.New);
        noted.Id = 2;
        var followingUp = LeadTestRequests.InStatus(LeadStatus.ConsultationScheduled);
        followingUp.Id = 3;
        followingUp.SetFollowUp(followUpBefore);
        var retained = LeadTestRequests.InStatus(LeadStatus.Retained);
        retained.Id = 4;
        var changedLately = LeadTestRequests.InStatus(LeadStatus.Contacted, cutoff.AddDays(1));
        changedLately.Id = 5;
        var notes = new[]
        {
            new LeadNote { ConsultationRequestId = 1, At = cutoff.AddDays(-1) }, // before the cutoff: not activity since
            new LeadNote { ConsultationRequestId = 2, At = cutoff },
        }.AsQueryable();

        var inactive = LeadRules.InactiveSince(notes, cutoff, followUpBefore).Compile();

        Assert.True(inactive(idle));
        Assert.False(inactive(noted));
        Assert.False(inactive(followingUp));
        Assert.False(inactive(retained));
        Assert.False(inactive(changedLately));
    }
}
