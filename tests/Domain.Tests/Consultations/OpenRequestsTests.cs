using PiriSite.Domain.Consultations;

namespace PiriSite.Domain.Tests.Consultations;

public class OpenRequestsTests
{
    [Theory]
    [InlineData(LeadStatus.New, true)]
    [InlineData(LeadStatus.Contacted, true)]
    [InlineData(LeadStatus.ConsultationScheduled, true)]
    [InlineData(LeadStatus.Retained, false)]
    [InlineData(LeadStatus.NotRetained, false)]
    [InlineData(LeadStatus.Spam, false)]
    public void OpenRequestsAreTheOnesStillBeingFollowedUp(LeadStatus status, bool open)
    {
        Assert.Equal(open, LeadWorkflow.IsOpen(status));

        // Every request is either open, closed (retention after RetentionDays) or a client file (Retained).
        Assert.True(LeadWorkflow.IsOpen(status) ^ (LeadWorkflow.IsClosedForRetention(status) || status == LeadStatus.Retained));
    }
}
