using PiriSite.Domain.Consultations;

namespace PiriSite.Domain.Tests.Consultations;

/// <summary>A request's follow-up state changes only through its methods, which keep it consistent.</summary>
public class LeadRequestStateTests
{
    [Fact]
    public void ARequestIsAssignedWithTheStaffNameAndUnassignedWithNeither()
    {
        var request = LeadTestRequests.Received();

        request.AssignTo("staff-1", "Pat Paralegal");
        Assert.Equal(("staff-1", "Pat Paralegal"), (request.AssignedToId, request.AssignedToName));

        request.AssignTo(null, null);
        Assert.Equal((null, null), (request.AssignedToId, request.AssignedToName));
    }

    [Theory]
    [InlineData("staff-1", null)]
    [InlineData(null, "Pat Paralegal")]
    public void AnAssignmentWithHalfOfWhoIsRefused(string? id, string? name)
    {
        var request = LeadTestRequests.Received();
        request.AssignTo("staff-1", "Pat Paralegal");

        Assert.Throws<ArgumentException>(() => request.AssignTo(id, name));
        Assert.Equal(("staff-1", "Pat Paralegal"), (request.AssignedToId, request.AssignedToName));
    }

    [Fact]
    public void ANewRequestIsUnreadUntilReadAndCanBeMarkedUnreadAgain()
    {
        var request = LeadTestRequests.Received();
        Assert.True(request.IsUnread);

        request.MarkRead();
        Assert.False(request.IsUnread);

        request.MarkUnread();
        Assert.True(request.IsUnread);
    }

    [Fact]
    public void AFollowUpDateIsSetAndCleared()
    {
        var request = LeadTestRequests.Received();

        request.SetFollowUp(new DateOnly(2027, 1, 15));
        Assert.Equal(new DateOnly(2027, 1, 15), request.FollowUpOn);

        request.SetFollowUp(null);
        Assert.Null(request.FollowUpOn);
    }
}
