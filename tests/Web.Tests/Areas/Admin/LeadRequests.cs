using PiriSite.Domain.Consultations;
using PiriSite.Domain.Tests.Consultations;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// Requests for the leads tests, made as the public form makes them and moved to the status wanted through the
/// workflow on the day they were received (a request's status has no setter; a test that needs it changed
/// earlier sets the stored row, as time passing would).
/// </summary>
internal static class LeadRequests
{
    public static ConsultationRequest Make(
        string name, LeadStatus status = LeadStatus.New, string? phone = "(214) 555-0100", string? email = null,
        string? area = "asylum", ContactLanguage language = ContactLanguage.English, Urgency urgency = Urgency.None,
        DateOnly? courtDate = null, string description = "A description.", DateTime? createdAt = null)
    {
        var received = createdAt ?? DateTime.UtcNow;
        var request = ConsultationRequest.Create(
            new ConsultationDetails(name, phone, email, language, ContactMethod.NoPreference, area, urgency, courtDate, description),
            ConsultationReference.Generate(), Guid.NewGuid(), received, "/consultation", "en",
            status == LeadStatus.Spam ? SpamVerdict.Honeypot : SpamVerdict.NotSpam, SeededNotices.Version1());
        LeadTestRequests.WalkTo(request, status, received);
        return request;
    }
}
