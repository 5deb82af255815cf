using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace PiriSite.Domain.Consultations;

/// <summary>What is wrong with one field of the form. The words are the site's (one message per code, in each
/// language); only the numbers a message quotes travel with it.</summary>
public enum ConsultationErrorCode
{
    NameMissing,
    PhoneImplausible,
    EmailImplausible,
    ContactMissing,
    LanguageUnknown,
    ContactMethodUnknown,
    PhoneNeededForCall,
    PhoneNeededForText,
    EmailNeededForEmail,
    PracticeAreaUnknown,
    UrgencyUnknown,
    CourtDateMissing,
    CourtDateUnreadable,
    CourtDatePassed,
    CourtDateTooFar,
    NotOneLine,
    UnreadableCharacters,
    TooLong,
    DescriptionControlCharacters,
    DescriptionUnreadableCharacters,
    DescriptionTooLong,
    NoticeNotAcknowledged,

    /// <summary>The form named a notice that is not one of its language's versions (a tampered or foreign form).</summary>
    NoticeVersionUnknown,

    /// <summary>The language has no notice at all, so no request can accept one.</summary>
    NoticeUnavailable,
}

/// <summary>One field's problem: its code, and for a text that is too long, the limit and the length it has.</summary>
public sealed record ConsultationError(ConsultationErrorCode Code, int MaxLength = 0, int Length = 0);

public sealed record ConsultationValidationResult(ConsultationDetails? Details, IReadOnlyDictionary<string, ConsultationError> Errors)
{
    public bool IsValid => Details is not null;
}

/// <summary>
/// The rules of the consultation form. The server's answer is the truth: each problem is reported against the
/// field it belongs to as a <see cref="ConsultationError"/> (a code and its numbers), which the site turns into a
/// message in the page's language, written for a person in distress, saying what to do.
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
        var errors = new Dictionary<string, ConsultationError>(StringComparer.Ordinal);

        var fullName = SingleLine(nameof(submission.FullName), submission.FullName, FullNameMaxLength, errors);
        if (fullName.Length == 0 && !errors.ContainsKey(nameof(submission.FullName)))
        {
            errors[nameof(submission.FullName)] = new(ConsultationErrorCode.NameMissing);
        }

        var phone = NullIfEmpty(SingleLine(nameof(submission.Phone), submission.Phone, PhoneMaxLength, errors));
        if (phone is not null && !errors.ContainsKey(nameof(submission.Phone)) && !IsPlausiblePhone(phone))
        {
            errors[nameof(submission.Phone)] = new(ConsultationErrorCode.PhoneImplausible);
        }

        var email = NullIfEmpty(SingleLine(nameof(submission.Email), submission.Email, EmailMaxLength, errors));
        if (email is not null && !errors.ContainsKey(nameof(submission.Email)) && !IsPlausibleEmail(email))
        {
            errors[nameof(submission.Email)] = new(ConsultationErrorCode.EmailImplausible);
        }

        if (phone is null && email is null
            && !errors.ContainsKey(nameof(submission.Phone)) && !errors.ContainsKey(nameof(submission.Email)))
        {
            errors[nameof(submission.Phone)] = new(ConsultationErrorCode.ContactMissing);
        }

        var language = ParseEnum<ContactLanguage>(submission.PreferredLanguage);
        if (language is null)
        {
            errors[nameof(submission.PreferredLanguage)] = new(ConsultationErrorCode.LanguageUnknown);
        }

        // No choice made counts as "no preference"; an unknown value is an error.
        var method = string.IsNullOrWhiteSpace(submission.ContactMethod)
            ? ContactMethod.NoPreference
            : ParseEnum<ContactMethod>(submission.ContactMethod);
        if (method is null)
        {
            errors[nameof(submission.ContactMethod)] = new(ConsultationErrorCode.ContactMethodUnknown);
        }
        else if (method is ContactMethod.Phone or ContactMethod.TextMessage && phone is null && !errors.ContainsKey(nameof(submission.Phone)))
        {
            errors[nameof(submission.Phone)] = method == ContactMethod.Phone
                ? new(ConsultationErrorCode.PhoneNeededForCall)
                : new(ConsultationErrorCode.PhoneNeededForText);
        }
        else if (method == ContactMethod.Email && email is null && !errors.ContainsKey(nameof(submission.Email)))
        {
            errors[nameof(submission.Email)] = new(ConsultationErrorCode.EmailNeededForEmail);
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
            errors[nameof(submission.PracticeArea)] = new(ConsultationErrorCode.PracticeAreaUnknown);
        }

        var urgency = string.IsNullOrWhiteSpace(submission.Urgency) ? null : ParseEnum<Urgency>(submission.Urgency);
        if (urgency is null)
        {
            errors[nameof(submission.Urgency)] = new(ConsultationErrorCode.UrgencyUnknown);
        }

        DateOnly? courtDate = null;
        if (urgency == Urgency.CourtDate)
        {
            courtDate = ValidateCourtDate(submission.CourtDate, today, errors);
        }

        var description = Multiline(nameof(submission.Description), submission.Description, DescriptionMaxLength, errors);

        if (!IsChecked(submission.Acknowledged))
        {
            errors[nameof(submission.Acknowledged)] = new(ConsultationErrorCode.NoticeNotAcknowledged);
        }

        if (errors.Count > 0)
        {
            return new ConsultationValidationResult(null, errors);
        }

        return new ConsultationValidationResult(
            new ConsultationDetails(fullName, phone, email, language!.Value, method!.Value, practiceAreaKey, urgency!.Value, courtDate, description),
            errors);
    }

    private static DateOnly? ValidateCourtDate(string? value, DateOnly today, Dictionary<string, ConsultationError> errors)
    {
        const string field = nameof(ConsultationSubmission.CourtDate);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = new(ConsultationErrorCode.CourtDateMissing);
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[field] = new(ConsultationErrorCode.CourtDateUnreadable);
            return null;
        }

        if (date < today)
        {
            errors[field] = new(ConsultationErrorCode.CourtDatePassed);
            return null;
        }

        if (date > today.AddYears(CourtDateMaxYearsAhead))
        {
            errors[field] = new(ConsultationErrorCode.CourtDateTooFar);
            return null;
        }

        return date;
    }

    /// <summary>A one-line value: trimmed, no line breaks or other control characters, within its length.</summary>
    private static string SingleLine(string field, string? value, int maxLength, Dictionary<string, ConsultationError> errors)
    {
        var text = (value ?? "").Trim();
        if (text.Any(char.IsControl))
        {
            errors[field] = new(ConsultationErrorCode.NotOneLine);
        }
        else if (text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            errors[field] = new(ConsultationErrorCode.UnreadableCharacters);
        }
        else if (text.Length > maxLength)
        {
            errors[field] = new(ConsultationErrorCode.TooLong, maxLength, text.Length);
        }

        return text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Free text: line breaks and tabs are fine; other control characters and unreadable bytes are not.</summary>
    private static string Multiline(string field, string? value, int maxLength, Dictionary<string, ConsultationError> errors)
    {
        // Browsers send line breaks as CR LF but count them as one character: count them the same way.
        var text = (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            errors[field] = new(ConsultationErrorCode.DescriptionControlCharacters);
        }
        else if (text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            errors[field] = new(ConsultationErrorCode.DescriptionUnreadableCharacters);
        }
        else if (text.Length > maxLength)
        {
            errors[field] = new(ConsultationErrorCode.DescriptionTooLong, maxLength, text.Length);
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
