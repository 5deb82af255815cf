using System.Globalization;
using Microsoft.Extensions.Localization;
using PiriSite.Web.Localization;

namespace PiriSite.Web.Services.Consultations;

/// <summary>
/// The validator's codes as messages in the page's language (ConsultationResource; the key is the English text).
/// Numbers are written the page's way: "4,000" in English, "4000" grouped with a space in French.
/// </summary>
public static class ConsultationErrorMessages
{
    /// <summary>The English text of each code: the resource key its translations are filed under.</summary>
    public static string KeyFor(ConsultationErrorCode code) => code switch
    {
        ConsultationErrorCode.NameMissing => "Please tell us your name, so we know who to ask for.",
        ConsultationErrorCode.PhoneImplausible => "Please check the phone number: use digits, with spaces, dashes, brackets or a leading + if you like.",
        ConsultationErrorCode.EmailImplausible => "Please check the email address: it should look like name@example.com.",
        ConsultationErrorCode.ContactMissing => "Please give a phone number or an email address, so we can reach you.",
        ConsultationErrorCode.LanguageUnknown => "Please choose English, Spanish or French.",
        ConsultationErrorCode.ContactMethodUnknown => "Please choose how you would like us to contact you.",
        ConsultationErrorCode.PhoneNeededForCall => "You asked us to call you: please give a phone number.",
        ConsultationErrorCode.PhoneNeededForText => "You asked us to text you: please give a phone number.",
        ConsultationErrorCode.EmailNeededForEmail => "You asked us to email you: please give an email address.",
        ConsultationErrorCode.PracticeAreaUnknown => "Please choose a practice area from the list, or \"Not sure\".",
        ConsultationErrorCode.UrgencyUnknown => "Please tell us whether someone is detained, a court date is coming, or neither.",
        ConsultationErrorCode.CourtDateMissing => "Please give the date of the court hearing (it is on the hearing notice).",
        ConsultationErrorCode.CourtDateUnreadable => "Please enter the court date as a date, for example 2027-03-15.",
        ConsultationErrorCode.CourtDatePassed => "That date has passed. If a hearing was missed, choose \"Neither\" and tell us about it in the description: we can still help.",
        ConsultationErrorCode.CourtDateTooFar => "Please check the year of the court date.",
        ConsultationErrorCode.NotOneLine => "Please keep this to one line, without special characters.",
        ConsultationErrorCode.UnreadableCharacters => "Some characters could not be read. Please type this again.",
        ConsultationErrorCode.TooLong => "Please shorten this to {0} characters or fewer (it has {1}).",
        ConsultationErrorCode.DescriptionControlCharacters => "The description contains special characters we cannot store. Please remove them and try again.",
        ConsultationErrorCode.DescriptionUnreadableCharacters => "Some characters could not be read. Please check the description and try again.",
        ConsultationErrorCode.DescriptionTooLong => "Please shorten the description to {0} characters or fewer (it has {1}). You can tell us the rest during the consultation.",
        ConsultationErrorCode.NoticeNotAcknowledged => "Please tick the box to confirm you have read the notice. Sending the form does not make you a client.",
        ConsultationErrorCode.NoticeVersionUnknown => "This form showed a notice that is not the one for this page. Please read the notice below and tick the box again; everything else you typed is still here.",
        ConsultationErrorCode.NoticeUnavailable => "This form cannot be sent at the moment. Please call us instead: we answer 24 hours a day.",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    /// <summary>The message for one error, in the current (page) culture.</summary>
    public static string Localize(this IStringLocalizer<ConsultationResource> localizer, ConsultationError error)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(error);
        var culture = CultureInfo.CurrentCulture;
        return localizer[KeyFor(error.Code), error.MaxLength.ToString("N0", culture), error.Length.ToString("N0", culture)];
    }

}
