namespace PiriSite.Domain.Messaging;

public enum OutboxKind
{
    /// <summary>A message the migration could not classify (none is created so today).</summary>
    Other = 0,

    /// <summary>The firm's notice of a new consultation request.</summary>
    IntakeNotice = 1,

    /// <summary>The confirmation sent to the person who asked for a consultation.</summary>
    Acknowledgement = 2,

    /// <summary>A member of staff's morning list of their follow-ups due (references only, no personal data).</summary>
    FollowUpReminder = 3,
}
