using PiriSite.Domain.Consultations;

namespace PiriSite.Domain.Tests.Consultations;

public class LeadWorkflowTests
{
    [Theory]
    [InlineData(LeadStatus.New, LeadStatus.Contacted)]
    [InlineData(LeadStatus.Contacted, LeadStatus.ConsultationScheduled)]
    [InlineData(LeadStatus.ConsultationScheduled, LeadStatus.Retained)]
    [InlineData(LeadStatus.ConsultationScheduled, LeadStatus.NotRetained)]
    [InlineData(LeadStatus.New, LeadStatus.Spam)]
    [InlineData(LeadStatus.Spam, LeadStatus.New)]
    [InlineData(LeadStatus.NotRetained, LeadStatus.Contacted)]
    public void ThePipelineAllowsItsMoves(LeadStatus from, LeadStatus to) => Assert.True(LeadWorkflow.CanMove(from, to));

    [Theory]
    [InlineData(LeadStatus.New, LeadStatus.Retained)]
    [InlineData(LeadStatus.New, LeadStatus.New)]
    [InlineData(LeadStatus.Retained, LeadStatus.NotRetained)]
    [InlineData(LeadStatus.Retained, LeadStatus.New)]
    [InlineData(LeadStatus.Spam, LeadStatus.Retained)]
    [InlineData(LeadStatus.Contacted, LeadStatus.Spam)]
    public void OtherMovesAreRefused(LeadStatus from, LeadStatus to) => Assert.False(LeadWorkflow.CanMove(from, to));

    [Fact]
    public void ARefusedMoveChangesNothing()
    {
        var request = LeadTestRequests.Received();

        Assert.False(request.MoveTo(LeadStatus.Retained, LeadTestRequests.ReceivedAt.AddDays(1)));
        Assert.Equal(LeadStatus.New, request.Status);
    }

    [Fact]
    public void MarkingSpamGenuineClearsTheVerdict()
    {
        var request = LeadTestRequests.Received(SpamVerdict.TooFast);
        Assert.Equal(LeadStatus.Spam, request.Status);
        var now = new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

        Assert.True(request.MoveTo(LeadStatus.New, now));
        Assert.Equal(SpamVerdict.NotSpam, request.SpamVerdict);
        Assert.Equal(now, request.StatusChangedAt);
    }

    [Fact]
    public void MovingARequestToSpamByHandSaysSo()
    {
        var request = LeadTestRequests.Received();

        Assert.True(request.MoveTo(LeadStatus.Spam, LeadTestRequests.ReceivedAt.AddHours(1)));

        Assert.Equal(SpamVerdict.MarkedByStaff, request.SpamVerdict);
        Assert.Equal("Moved to spam by staff", SpamVerdicts.Label(request.SpamVerdict));
    }

    [Fact]
    public void EveryVerdictUrgencyAndLanguageReadsAsWordsNotAsCode()
    {
        foreach (var verdict in Enum.GetValues<SpamVerdict>())
        {
            Assert.Contains(" ", SpamVerdicts.Label(verdict), StringComparison.Ordinal);
        }

        Assert.Equal("Court date on May 4, 2027", Urgencies.Label(Urgency.CourtDate, new DateOnly(2027, 5, 4)));
        Assert.Equal("Someone detained", Urgencies.Label(Urgency.Detained, null));
        Assert.Equal("Not urgent", Urgencies.Label(Urgency.None, null));
        Assert.Equal("Spanish", ContactLanguages.Label(ContactLanguage.Spanish));
    }

    [Theory]
    [InlineData(Urgency.Detained, null, true)]
    [InlineData(Urgency.CourtDate, "2026-12-12", true)]
    [InlineData(Urgency.CourtDate, "2026-12-13", false)]
    [InlineData(Urgency.CourtDate, null, false)]
    [InlineData(Urgency.None, null, false)]
    public void UrgentMeansDetainedOrACourtDateWithinFourteenDays(Urgency urgency, string? courtDate, bool urgent) =>
        Assert.Equal(urgent, LeadWorkflow.IsUrgent(urgency, courtDate is null ? null : DateOnly.Parse(courtDate, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 11, 28)));
}
