using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace PiriSite.Domain.Consultations;

public sealed record ConsultationValidationResult(ConsultationDetails? Details, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Details is not null;
}

/// <summary>
/// The rules of the consultation form. The server's answer is the truth: every message is written for a
/// person in distress, says what to do, and names the field it belongs to.
/// </summary>
public static class ConsultationValidator
{
    public const int FullNameMaxLength = 120;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 254;
    public const int DescriptionMaxLength = 4000;
    public const string NotSurePracticeArea = "not-sure";

    private const int PhoneMinDigits = 7;
    private const int PhoneMaxDigits = 15;
    private const int CourtDateMaxYearsAhead = 5;

    public static ConsultationValidationResult Validate(
        ConsultationSubmission submission, IReadOnlyCollection<string> practiceAreaKeys, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(practiceAreaKeys);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);

        var fullName = SingleLine(nameof(submission.FullName), submission.FullName, FullNameMaxLength, errors);
        if (fullName.Length == 0 && !errors.ContainsKey(nameof(submission.FullName)))
        {
            errors[nameof(submission.FullName)] = "Please tell us your name, so we know who to ask for.";
        }

        var phone = NullIfEmpty(SingleLine(nameof(submission.Phone), submission.Phone, PhoneMaxLength, errors));
        if (phone is not null && !errors.ContainsKey(nameof(submission.Phone)) && !IsPlausiblePhone(phone))
        {
            errors[nameof(submission.Phone)] = "Please check the phone number: use digits, with spaces, dashes, brackets or a leading + if you like.";
        }

        var email = NullIfEmpty(SingleLine(nameof(submission.Email), submission.Email, EmailMaxLength, errors));
        if (email is not null && !errors.ContainsKey(nameof(submission.Email)) && !IsPlausibleEmail(email))
        {
            errors[nameof(submission.Email)] = "Please check the email address: it should look like name@example.com.";
        }

        if (phone is null && email is null
            && !errors.ContainsKey(nameof(submission.Phone)) && !errors.ContainsKey(nameof(submission.Email)))
        {
            errors[nameof(submission.Phone)] = "Please give a phone number or an email address, so we can reach you.";
        }

        var language = ParseEnum<ContactLanguage>(submission.PreferredLanguage);
        if (language is null)
        {
            errors[nameof(submission.PreferredLanguage)] = "Please choose English, Spanish or French.";
        }

        // No choice made counts as "no preference"; an unknown value is an error.
        var method = string.IsNullOrWhiteSpace(submission.ContactMethod)
            ? ContactMethod.NoPreference
            : ParseEnum<ContactMethod>(submission.ContactMethod);
        if (method is null)
        {
            errors[nameof(submission.ContactMethod)] = "Please choose how you would like us to contact you.";
        }
        else if (method is ContactMethod.Phone or ContactMethod.TextMessage && phone is null && !errors.ContainsKey(nameof(submission.Phone)))
        {
            errors[nameof(submission.Phone)] = method == ContactMethod.Phone
                ? "You asked us to call you: please give a phone number."
                : "You asked us to text you: please give a phone number.";
        }
        else if (method == ContactMethod.Email && email is null && !errors.ContainsKey(nameof(submission.Email)))
        {
            errors[nameof(submission.Email)] = "You asked us to email you: please give an email address.";
        }

        var practiceArea = submission.PracticeArea?.Trim();
        string? practiceAreaKey = null;
        if (string.IsNullOrEmpty(practiceArea) || practiceArea == NotSurePracticeArea)
        {
            practiceAreaKey = null;
        }
        else if (practiceAreaKeys.Contains(practiceArea))
        {
            practiceAreaKey = practiceArea;
        }
        else
        {
            errors[nameof(submission.PracticeArea)] = "Please choose a practice area from the list, or \"Not sure\".";
        }

        var urgency = string.IsNullOrWhiteSpace(submission.Urgency) ? null : ParseEnum<Urgency>(submission.Urgency);
        if (urgency is null)
        {
            errors[nameof(submission.Urgency)] = "Please tell us whether someone is detained, a court date is coming, or neither.";
        }

        DateOnly? courtDate = null;
        if (urgency == Urgency.CourtDate)
        {
            courtDate = ValidateCourtDate(submission.CourtDate, today, errors);
        }

        var description = Multiline(nameof(submission.Description), submission.Description, DescriptionMaxLength, errors);

        if (!IsChecked(submission.Acknowledged))
        {
            errors[nameof(submission.Acknowledged)] = "Please tick the box to confirm you have read the notice. Sending the form does not make you a client.";
        }

        if (errors.Count > 0)
        {
            return new ConsultationValidationResult(null, errors);
        }

        return new ConsultationValidationResult(
            new ConsultationDetails(fullName, phone, email, language!.Value, method!.Value, practiceAreaKey, urgency!.Value, courtDate, description),
            errors);
    }

    private static DateOnly? ValidateCourtDate(string? value, DateOnly today, Dictionary<string, string> errors)
    {
        const string field = nameof(ConsultationSubmission.CourtDate);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = "Please give the date of the court hearing (it is on the hearing notice).";
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[field] = "Please enter the court date as a date, for example 2027-03-15.";
            return null;
        }

        if (date < today)
        {
            errors[field] = "That date has passed. If a hearing was missed, choose \"Neither\" and tell us about it in the description: we can still help.";
            return null;
        }

        if (date > today.AddYears(CourtDateMaxYearsAhead))
        {
            errors[field] = "Please check the year of the court date.";
            return null;
        }

        return date;
    }

    /// <summary>A one-line value: trimmed, no line breaks or other control characters, within its length.</summary>
    private static string SingleLine(string field, string? value, int maxLength, Dictionary<string, string> errors)
    {
        var text = (value ?? "").Trim();
        if (text.Any(char.IsControl))
        {
            errors[field] = "Please keep this to one line, without special characters.";
        }
        else if (text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            errors[field] = "Some characters could not be read. Please type this again.";
        }
        else if (text.Length > maxLength)
        {
            errors[field] = $"Please shorten this to {maxLength:N0} characters or fewer (it has {text.Length:N0}).";
        }

        return text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Free text: line breaks and tabs are fine; other control characters and unreadable bytes are not.</summary>
    private static string Multiline(string field, string? value, int maxLength, Dictionary<string, string> errors)
    {
        // Browsers send line breaks as CR LF but count them as one character: count them the same way.
        var text = (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            errors[field] = "The description contains special characters we cannot store. Please remove them and try again.";
        }
        else if (text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            errors[field] = "Some characters could not be read. Please check the description and try again.";
        }
        else if (text.Length > maxLength)
        {
            errors[field] = $"Please shorten the description to {maxLength:N0} characters or fewer (it has {text.Length:N0}). You can tell us the rest during the consultation.";
        }

        return text.Normalize(NormalizationForm.FormC);
    }

    private static bool IsPlausiblePhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        var allowed = phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' or '.' or '+');
        var plusOnlyFirst = phone.LastIndexOf('+') <= 0;
        return allowed && plusOnlyFirst && digits is >= PhoneMinDigits and <= PhoneMaxDigits;
    }

    private static bool IsPlausibleEmail(string email)
    {
        if (email.Any(char.IsWhiteSpace) || email.Count(c => c == '@') != 1)
        {
            return false;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        var domain = email[(at + 1)..];
        return at > 0
            && domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.') && !domain.EndsWith('.')
            && MailAddress.TryCreate(email, out var address)
            && address.Address == email;
    }

    private static TEnum? ParseEnum<TEnum>(string? value) where TEnum : struct, Enum =>
        value is not null
        && Enum.TryParse<TEnum>(value.Trim(), ignoreCase: false, out var parsed)
        && Enum.IsDefined(parsed)
        && !char.IsAsciiDigit(value.Trim().FirstOrDefault())
            ? parsed
            : null;

    // Browsers send "true" (ASP.NET Core's checkbox) or "on" (a plain checkbox); anything else is not a tick.
    private static bool IsChecked(string? value) =>
        value is not null && value.Split(',').Any(v => v.Trim() is "true" or "on");

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
