namespace PiriSite.Domain.Consultations;

/// <summary>A prospective client's request for the free consultation: a lead for the firm to follow up.</summary>
public class ConsultationRequest
{
    public const int SourcePageMaxLength = 200;

    public int Id { get; set; }

    /// <summary>The short reference given to the person, such as "PR-7K3Q9D".</summary>
    public required string Reference { get; set; }

    /// <summary>The key the form carried: a second post of the same form finds this request instead of making another.</summary>
    public Guid IdempotencyKey { get; set; }

    public required string FullName { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public ContactLanguage PreferredLanguage { get; set; }

    public ContactMethod ContactMethod { get; set; }

    /// <summary>The translation key of the practice area chosen; null when the person was not sure.</summary>
    public string? PracticeAreaKey { get; set; }

    public Urgency Urgency { get; set; }

    public DateOnly? CourtDate { get; set; }

    public string Description { get; set; } = "";

    public LeadStatus Status { get; private set; } = LeadStatus.New;

    public SpamVerdict SpamVerdict { get; private set; } = SpamVerdict.NotSpam;

    public DateTime CreatedAt { get; set; }

    /// <summary>The site path the form was sent from, such as "/practice-areas/asylum".</summary>
    public string SourcePage { get; set; } = "";

    /// <summary>The language of the page the form was sent from.</summary>
    public string SourceCulture { get; set; } = "";

    /// <summary>
    /// The <see cref="ConsultationNoticeVersion"/> the person read and accepted: a version in the page's language.
    /// Every request made through the form has one; null only in a database not yet brought up to date (the
    /// initialiser links older requests to the version of the text they stored).
    /// </summary>
    public int? NoticeVersionId { get; private set; }

    /// <summary>The staff member following it up.</summary>
    public string? AssignedToId { get; private set; }

    public string? AssignedToName { get; private set; }

    public DateOnly? FollowUpOn { get; private set; }

    /// <summary>Nobody has opened it yet (or someone marked it unread again).</summary>
    public bool IsUnread { get; private set; } = true;

    public DateTime StatusChangedAt { get; private set; }

    /// <summary>
    /// Moves the request along the pipeline if <see cref="LeadWorkflow"/> allows it.
    /// Returns false (and changes nothing) for a move that is not allowed.
    /// </summary>
    public bool MoveTo(LeadStatus next, DateTime now)
    {
        if (!LeadWorkflow.CanMove(Status, next))
        {
            return false;
        }

        Status = next;
        StatusChangedAt = now;
        if (next == LeadStatus.New)
        {
            SpamVerdict = SpamVerdict.NotSpam; // marked genuine
        }
        else if (next == LeadStatus.Spam)
        {
            SpamVerdict = SpamVerdict.MarkedByStaff; // the quarantine always says why a request is there
        }

        return true;
    }

    /// <summary>Gives the request to a member of staff (both given), or to nobody (both null).</summary>
    public void AssignTo(string? staffId, string? staffName)
    {
        if ((staffId is null) != (staffName is null))
        {
            throw new ArgumentException("A request is assigned to a member of staff with their name, or to nobody.", nameof(staffName));
        }

        AssignedToId = staffId;
        AssignedToName = staffName;
    }

    /// <summary>The day to follow the request up; null clears it.</summary>
    public void SetFollowUp(DateOnly? on) => FollowUpOn = on;

    public void MarkRead() => IsUnread = false;

    public void MarkUnread() => IsUnread = true;

    public static ConsultationRequest Create(
        ConsultationDetails details, string reference, Guid idempotencyKey, DateTime createdAt,
        string sourcePage, string sourceCulture, SpamVerdict spamVerdict, ConsultationNoticeVersion notice)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(notice);
        // The form was shown in the page's language, so only a notice in that language can be the one accepted.
        if (notice.Culture != sourceCulture)
        {
            throw new ArgumentException($"A request made in \"{sourceCulture}\" accepts a notice in that language, not in \"{notice.Culture}\".", nameof(notice));
        }

        return new ConsultationRequest
        {
            Reference = reference,
            IdempotencyKey = idempotencyKey,
            FullName = details.FullName,
            Phone = details.Phone,
            Email = details.Email,
            PreferredLanguage = details.PreferredLanguage,
            ContactMethod = details.ContactMethod,
            PracticeAreaKey = details.PracticeAreaKey,
            Urgency = details.Urgency,
            CourtDate = details.CourtDate,
            Description = details.Description,
            CreatedAt = createdAt,
            StatusChangedAt = createdAt,
            SourcePage = sourcePage.Length > SourcePageMaxLength ? sourcePage[..SourcePageMaxLength] : sourcePage,
            SourceCulture = sourceCulture,
            NoticeVersionId = notice.Id,
            SpamVerdict = spamVerdict,
            // Suspected spam waits in quarantine for a person to review; it is never dropped.
            Status = spamVerdict == SpamVerdict.NotSpam ? LeadStatus.New : LeadStatus.Spam,
        };
    }
}
