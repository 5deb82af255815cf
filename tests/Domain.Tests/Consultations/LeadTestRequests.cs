using PiriSite.Domain.Consultations;

namespace PiriSite.Domain.Tests.Consultations;

/// <summary>Requests as the public form makes them, moved through the workflow when a test needs another status.</summary>
internal static class LeadTestRequests
{
    public static readonly DateTime ReceivedAt = new(2026, 1, 5, 15, 0, 0, DateTimeKind.Utc);

    /// <summary>A notice in English for the requests made here (the form's page is English).</summary>
    public static readonly ConsultationNoticeVersion EnglishNotice =
        ConsultationNoticeVersion.First("en", "Sending this form does not make you a client.", "I have read this notice.", ReceivedAt, "Test");

    // Suspected spam waits in quarantine, anything else is New.
    public static ConsultationRequest Received(SpamVerdict verdict = SpamVerdict.NotSpam, Urgency urgency = Urgency.None, DateOnly? courtDate = null) =>
        ConsultationRequest.Create(
            new ConsultationDetails("A", null, null, ContactLanguage.English, ContactMethod.NoPreference, null, urgency, courtDate, ""),
            "PR-AAAAAA", Guid.NewGuid(), ReceivedAt, "/consultation", "en", verdict, EnglishNotice);

    /// <summary>Moved to <paramref name="status"/> on the day it was received, or at <paramref name="changedAt"/>.</summary>
    public static ConsultationRequest InStatus(LeadStatus status, DateTime? changedAt = null)
    {
        var request = Received(status == LeadStatus.Spam ? SpamVerdict.Honeypot : SpamVerdict.NotSpam);
        WalkTo(request, status, changedAt ?? ReceivedAt);
        return request;
    }

    /// <summary>Moves a new request to <paramref name="status"/> the way staff would (linked into Web.Tests too).</summary>
    public static void WalkTo(ConsultationRequest request, LeadStatus status, DateTime at)
    {
        LeadStatus[] path = status switch
        {
            LeadStatus.Contacted => [LeadStatus.Contacted],
            LeadStatus.ConsultationScheduled => [LeadStatus.ConsultationScheduled],
            LeadStatus.Retained => [LeadStatus.Contacted, LeadStatus.Retained],
            LeadStatus.NotRetained => [LeadStatus.NotRetained],
            _ => [],
        };
        foreach (var next in path)
        {
            Assert.True(request.MoveTo(next, at), $"The workflow refused {request.Status} → {next}.");
        }
    }
}
