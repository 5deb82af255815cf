namespace PiriSite.Domain.Consultations;

/// <summary>
/// The follow-up pipeline: New → Contacted → Consultation scheduled → Retained or Not retained, with Spam
/// for quarantined requests. Only the moves listed here are allowed.
/// </summary>
public static class LeadWorkflow
{
    private static readonly Dictionary<LeadStatus, LeadStatus[]> s_moves = new()
    {
        [LeadStatus.New] = [LeadStatus.Contacted, LeadStatus.ConsultationScheduled, LeadStatus.NotRetained, LeadStatus.Spam],
        [LeadStatus.Contacted] = [LeadStatus.ConsultationScheduled, LeadStatus.Retained, LeadStatus.NotRetained],
        [LeadStatus.ConsultationScheduled] = [LeadStatus.Contacted, LeadStatus.Retained, LeadStatus.NotRetained],
        [LeadStatus.Retained] = [],
        [LeadStatus.NotRetained] = [LeadStatus.Contacted],
        [LeadStatus.Spam] = [LeadStatus.New],
    };

    public static IReadOnlyList<LeadStatus> AllowedMoves(LeadStatus from) => s_moves[from];

    public static bool CanMove(LeadStatus from, LeadStatus to) => s_moves[from].Contains(to);

    /// <summary>Closed requests are the ones the retention period applies to.</summary>
    public static bool IsClosedForRetention(LeadStatus status) => LeadRules.IsClosed(status);

    /// <summary>
    /// Still being followed up: kept while someone works on them, deleted after a long time with no activity
    /// (Retained requests are client files, kept as the rules of professional conduct require).
    /// </summary>
    public static bool IsOpen(LeadStatus status) => LeadRules.IsOpen(status);

    public static string Label(LeadStatus status) => status switch
    {
        LeadStatus.New => "New",
        LeadStatus.Contacted => "Contacted",
        LeadStatus.ConsultationScheduled => "Consultation scheduled",
        LeadStatus.Retained => "Retained",
        LeadStatus.NotRetained => "Not retained",
        LeadStatus.Spam => "Spam",
        _ => status.ToString(),
    };

    /// <summary>What staff do next with a request in this status, in words, shown at the top of the request's page.</summary>
    public static string NextStep(LeadStatus status) => status switch
    {
        LeadStatus.New => "Call or write back: nobody has answered yet.",
        LeadStatus.Contacted => "Offer a consultation time, then mark it Consultation scheduled (or Not retained if the person declines).",
        LeadStatus.ConsultationScheduled => "Hold the consultation, then record how it ended: Retained or Not retained.",
        LeadStatus.Retained => "Nothing more to do here: the person is a client of the firm now.",
        LeadStatus.NotRetained => "Nothing to do unless the person gets in touch again: then move it back to Contacted.",
        LeadStatus.Spam => "Check whether a real person wrote this. If so, mark it as genuine; if not, leave it: suspected spam is deleted after the retention period.",
        _ => "",
    };

    /// <summary>Stands out in the inbox: someone detained, or a court date within 14 days (<see cref="LeadRules.UrgentOn"/>).</summary>
    public static bool IsUrgent(Urgency urgency, DateOnly? courtDate, DateOnly today) => LeadRules.IsUrgent(urgency, courtDate, today);
}

public enum LeadNoteKind
{
    Note = 0,
    StatusChange = 1,
    Assignment = 2,
    FollowUp = 3,
}

/// <summary>One entry in a request's timeline: a note, or a change someone made, with who and when.</summary>
public class LeadNote
{
    public const int TextMaxLength = 4000;

    public int Id { get; set; }

    public int ConsultationRequestId { get; set; }

    public DateTime At { get; set; }

    public string? AuthorId { get; set; }

    public string AuthorName { get; set; } = "";

    public LeadNoteKind Kind { get; set; }

    public string Text { get; set; } = "";
}
