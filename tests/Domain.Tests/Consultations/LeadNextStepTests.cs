using PiriSite.Domain.Consultations;

namespace PiriSite.Domain.Tests.Consultations;

public class LeadNextStepTests
{
    public static TheoryData<LeadStatus> Statuses() => new(Enum.GetValues<LeadStatus>());

    [Theory]
    [MemberData(nameof(Statuses))]
    public void EveryStatusSaysWhatToDoNextInWords(LeadStatus status)
    {
        var step = LeadWorkflow.NextStep(status);

        Assert.EndsWith(".", step, StringComparison.Ordinal);
        Assert.DoesNotContain("ConsultationScheduled", step, StringComparison.Ordinal);
        Assert.DoesNotContain("NotRetained", step, StringComparison.Ordinal);
    }

    [Fact]
    public void ANewRequestIsToBeAnswered() =>
        Assert.Equal("Call or write back: nobody has answered yet.", LeadWorkflow.NextStep(LeadStatus.New));

    [Fact]
    public void AStepNamesOnlyMovesTheWorkflowAllows()
    {
        // "mark it Consultation scheduled" from Contacted, "move it back to Contacted" from Not retained: both allowed.
        Assert.True(LeadWorkflow.CanMove(LeadStatus.Contacted, LeadStatus.ConsultationScheduled));
        Assert.Contains(LeadWorkflow.Label(LeadStatus.ConsultationScheduled), LeadWorkflow.NextStep(LeadStatus.Contacted), StringComparison.Ordinal);
        Assert.True(LeadWorkflow.CanMove(LeadStatus.NotRetained, LeadStatus.Contacted));
        Assert.Contains(LeadWorkflow.Label(LeadStatus.Contacted), LeadWorkflow.NextStep(LeadStatus.NotRetained), StringComparison.Ordinal);
    }
}
