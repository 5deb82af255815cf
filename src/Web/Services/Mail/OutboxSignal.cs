namespace PiriSite.Web.Services.Mail;

/// <summary>Wakes the outbox sender when a message is queued, so emails leave at once rather than at the next poll.</summary>
public sealed class OutboxSignal : WakeSignal;
