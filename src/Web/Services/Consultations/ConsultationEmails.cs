using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using PiriSite.Domain.Messaging;
using PiriSite.Web.Localization;

namespace PiriSite.Web.Services.Consultations;

/// <summary>
/// The two emails a new request causes. The firm's copy carries only what intake needs to prioritise
/// (reference, urgency, area, language, and the reason when its words put it in the quarantine) and a link to the request; names, contact details and the
/// description stay in the admin area; it is in English, for staff, and says which language the request was made
/// in. The person's copy confirms the reference, in the language they chose (ConsultationResource).
/// </summary>
/// <remarks>
/// The person's copy goes to whatever address was typed, so it carries nothing else typed but a first name
/// (one word of letters, see <see cref="GreetingName"/>): otherwise anyone could make the firm send their own
/// text, or a link, to a stranger under the firm's name.
/// </remarks>
public sealed class ConsultationEmails(IOptions<ConsultationOptions> options, IStringLocalizer<ConsultationResource> localizer)
{
    public OutboxMessage ForIntake(ConsultationRequest request, string? practiceAreaName, string adminLink, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var urgency = request.Urgency switch
        {
            Urgency.Detained => "URGENT: someone is detained now",
            Urgency.CourtDate => $"Court date coming: {request.CourtDate:yyyy-MM-dd}",
            _ => "Not marked urgent",
        };
        var subject = request.Urgency == Urgency.None
            ? $"New consultation request {request.Reference}"
            : $"New consultation request {request.Reference} ({urgency})";

        var body = new StringBuilder();
        if (SpamSignals.IsContentSignal(request.SpamVerdict))
        {
            // Put in the quarantine for what it says, which can be misjudged: marked, so that it can be filtered, and
            // still sent, so that a real person wrongly quarantined is seen at once (see ConsultationService).
            var reason = SpamVerdicts.Label(request.SpamVerdict);
            subject = $"[Suspected spam: {reason}] {subject}";
            body.AppendLine(CultureInfo.InvariantCulture, $"SUSPECTED SPAM: this request was put in the spam quarantine. Reason: {reason}.")
                .AppendLine("If it is a real person, open it and mark it as genuine; otherwise there is nothing to do.")
                .AppendLine();
        }

        body.AppendLine(CultureInfo.InvariantCulture, $"A new consultation request arrived through the website.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Reference:          {request.Reference}")
            .AppendLine(CultureInfo.InvariantCulture, $"Received:           {FirmTime(request.CreatedAt)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Urgency:            {urgency}")
            .AppendLine(CultureInfo.InvariantCulture, $"Practice area:      {practiceAreaName ?? "Not sure"}")
            .AppendLine(CultureInfo.InvariantCulture, $"Preferred language: {request.PreferredLanguage}")
            .AppendLine(CultureInfo.InvariantCulture, $"Request made in:    {RequestLanguages.Label(request.SourceCulture)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Contact by:         {ContactMethods.Label(request.ContactMethod)}")
            .AppendLine()
            .AppendLine("Open the request in the admin area (sign-in required):")
            .AppendLine(adminLink)
            .AppendLine()
            .AppendLine("The person's name, contact details and description are in the admin area only, not in this email.");

        return NewMessage(OutboxKind.IntakeNotice, request, options.Value.IntakeEmail, subject, body.ToString(), now);
    }

    public OutboxMessage? ForRequester(ConsultationRequest request, FirmProfile firm, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(firm);
        if (string.IsNullOrEmpty(request.Email))
        {
            return null;
        }

        // The localizer reads the current UI culture: the person's language for the time of writing, then the page's again.
        var pageCulture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var culture = CultureInfo.GetCultureInfo(LanguageOf(request.PreferredLanguage).CultureName);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        string subject, body;
        try
        {
            subject = localizer["We received your consultation request ({0})", request.Reference];
            body = new StringBuilder()
                .AppendLine(GreetingName(request.FullName) is { } first ? localizer["Hello {0},", first] : localizer["Hello,"])
                .AppendLine()
                .AppendLine(localizer["Thank you for contacting {0}. We received your request for a free consultation.", firm.FirmName])
                .AppendLine(localizer["Your reference is {0}.", request.Reference])
                .AppendLine()
                .AppendLine(localizer["What happens next: Attorney {0} or a member of the team will review your request and contact you, usually within one business day, in the language you chose.", firm.AttorneyName])
                .AppendLine()
                .AppendLine(localizer["If this is an emergency (for example, if a family member has been detained), call {0} now. We answer 24 hours a day, 7 days a week.", firm.Phone])
                .AppendLine()
                .AppendLine(localizer["Sending this request does not create an attorney-client relationship."])
                .AppendLine()
                .AppendLine(firm.FirmName)
                .ToString();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = pageCulture;
        }

        var acknowledgement = NewMessage(OutboxKind.Acknowledgement, request, request.Email, subject, body, now);
        acknowledgement.Mailbox = RecipientKey.For(request.Email);
        return acknowledgement;
    }

    /// <summary>
    /// The first word of the name when it looks like a name (letters, with hyphens or apostrophes, at most
    /// <see cref="GreetingNameMaxLength"/> characters), otherwise null and the greeting has no name: no digits,
    /// no dots or "@", nothing that reads as a link, an address or a message.
    /// </summary>
    private static string? GreetingName(string? fullName)
    {
        var first = (fullName ?? "").Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is { Length: > 0 and <= GreetingNameMaxLength }
            && char.IsLetter(first[0])
            && first.All(c => char.IsLetter(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                || c is '-' or '\'' or '’')
                ? first
                : null;
    }

    private const int GreetingNameMaxLength = 30;

    private static SiteLanguage LanguageOf(ContactLanguage language) => language switch
    {
        ContactLanguage.Spanish => SiteLanguage.Spanish,
        ContactLanguage.French => SiteLanguage.French,
        _ => SiteLanguage.English,
    };

    // Linked to its request, so that it is deleted with it; kind and reference let the outbox page list it without
    // its address, subject or body.
    private static OutboxMessage NewMessage(OutboxKind kind, ConsultationRequest request, string to, string subject, string body, DateTime now) => new()
    {
        Kind = kind,
        ConsultationReference = request.Reference,
        ConsultationRequest = request,
        To = to,
        Subject = subject,
        TextBody = body,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    private static string FirmTime(DateTime utc) =>
        FirmTimeZone.ToFirmTime(utc).ToString("dddd, MMMM d, yyyy 'at' h:mm tt", CultureInfo.InvariantCulture)
        + (FirmTimeZone.Value == TimeZoneInfo.Utc ? " UTC" : " (Central Time)");
}
