using System.Globalization;
using System.Text;
using PiriSite.Domain.Messaging;

namespace PiriSite.Web.Services.Consultations;

/// <summary>
/// The two emails a new request causes. The firm's copy carries only what intake needs to prioritise
/// (reference, urgency, area, language) and a link to the request; names, contact details and the
/// description stay in the admin area. The person's copy confirms the reference, in their language.
/// </summary>
/// <remarks>
/// The person's copy goes to whatever address was typed, so it carries nothing else typed but a first name
/// (one word of letters, see <see cref="GreetingName"/>): otherwise anyone could make the firm send their own
/// text, or a link, to a stranger under the firm's name.
/// </remarks>
public sealed class ConsultationEmails(IOptions<ConsultationOptions> options)
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

        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"A new consultation request arrived through the website.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Reference:          {request.Reference}")
            .AppendLine(CultureInfo.InvariantCulture, $"Received:           {FirmTime(request.CreatedAt)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Urgency:            {urgency}")
            .AppendLine(CultureInfo.InvariantCulture, $"Practice area:      {practiceAreaName ?? "Not sure"}")
            .AppendLine(CultureInfo.InvariantCulture, $"Preferred language: {request.PreferredLanguage}")
            .AppendLine(CultureInfo.InvariantCulture, $"Contact by:         {ContactMethods.Label(request.ContactMethod)}")
            .AppendLine()
            .AppendLine("Open the request in the admin area (sign-in required):")
            .AppendLine(adminLink)
            .AppendLine()
            .AppendLine("The person's name, contact details and description are in the admin area only, not in this email.")
            .ToString();

        return NewMessage(OutboxKind.IntakeNotice, request, options.Value.IntakeEmail, subject, body, now);
    }

    public static OutboxMessage? ForRequester(ConsultationRequest request, FirmProfile firm, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(firm);
        if (string.IsNullOrEmpty(request.Email))
        {
            return null;
        }

        var name = GreetingName(request.FullName) is { } first ? " " + first : "";
        var (subject, body) = request.PreferredLanguage switch
        {
            ContactLanguage.Spanish => (
                $"Recibimos su solicitud de consulta ({request.Reference})",
                $"""
                Hola{name}:

                Gracias por comunicarse con {firm.FirmName}. Recibimos su solicitud de consulta gratuita.
                Su número de referencia es {request.Reference}.

                Qué sigue: el abogado {firm.AttorneyName} o su equipo revisará su solicitud y le contactará, normalmente
                dentro de un día hábil, en el idioma que eligió.

                Si es una emergencia (por ejemplo, si un familiar fue detenido), llame ahora al {firm.Phone}.
                Atendemos las 24 horas, los 7 días de la semana.

                Enviar esta solicitud no crea una relación abogado-cliente.

                {firm.FirmName}
                """),
            ContactLanguage.French => (
                $"Nous avons reçu votre demande de consultation ({request.Reference})",
                $"""
                Bonjour{name},

                Merci d'avoir contacté {firm.FirmName}. Nous avons bien reçu votre demande de consultation gratuite.
                Votre numéro de référence est {request.Reference}.

                La suite : Maître {firm.AttorneyName} ou son équipe examinera votre demande et vous contactera,
                en général sous un jour ouvrable, dans la langue que vous avez choisie.

                En cas d'urgence (par exemple si un proche a été arrêté), appelez dès maintenant le {firm.Phone},
                24 heures sur 24, 7 jours sur 7.

                L'envoi de cette demande ne crée pas de relation avocat-client.

                {firm.FirmName}
                """),
            _ => (
                $"We received your consultation request ({request.Reference})",
                $"""
                Hello{name},

                Thank you for contacting {firm.FirmName}. We received your request for a free consultation.
                Your reference is {request.Reference}.

                What happens next: Attorney {firm.AttorneyName} or a member of the team will review your request and
                contact you, usually within one business day, in the language you chose.

                If this is an emergency (for example, if a family member has been detained), call {firm.Phone} now.
                We answer 24 hours a day, 7 days a week.

                Sending this request does not create an attorney-client relationship.

                {firm.FirmName}
                """),
        };

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
