namespace PiriSite.Domain.Consultations;

public enum ContactLanguage
{
    English = 0,
    Spanish = 1,
    French = 2,
}

public static class ContactLanguages
{
    /// <summary>The language a person wants to be answered in, as staff read it.</summary>
    public static string Label(ContactLanguage language) => language switch
    {
        ContactLanguage.Spanish => "Spanish",
        ContactLanguage.French => "French",
        _ => "English",
    };
}

public enum ContactMethod
{
    NoPreference = 0,
    Phone = 1,
    TextMessage = 2,
    Email = 3,
}

public static class ContactMethods
{
    /// <summary>How the method reads to staff, in the inbox and in the intake email.</summary>
    public static string Label(ContactMethod method) => method switch
    {
        ContactMethod.Phone => "Phone call",
        ContactMethod.TextMessage => "Text message",
        ContactMethod.Email => "Email",
        _ => "No preference",
    };
}

public static class RequestLanguages
{
    /// <summary>
    /// The language of the page a request was made on (its SourceCulture, "es"), as it reads to staff: "Spanish".
    /// </summary>
    public static string Label(string? culture) => culture switch
    {
        Content.SiteCulture.English => "English",
        Content.SiteCulture.Spanish => "Spanish",
        Content.SiteCulture.French => "French",
        null or "" => "Unknown",
        _ => culture,
    };
}

/// <summary>How pressing the person's situation is; the inbox puts the first two first.</summary>
public enum Urgency
{
    None = 0,
    Detained = 1,
    CourtDate = 2,
}

/// <summary>Where a request stands in the firm's follow-up (the allowed moves are added with the leads inbox).</summary>
public enum LeadStatus
{
    New = 0,
    Contacted = 1,
    ConsultationScheduled = 2,
    Retained = 3,
    NotRetained = 4,
    Spam = 5,
}

/// <summary>Why a submission was quarantined as suspected spam; suspected spam is kept for review, never dropped.</summary>
public enum SpamVerdict
{
    NotSpam = 0,
    Honeypot = 1,
    TooFast = 2,

    /// <summary>Moved to the quarantine by a member of staff.</summary>
    MarkedByStaff = 3,

    /// <summary>The description carries a web link: people asking for help do not, advertisers do.</summary>
    ContainsLink = 4,

    /// <summary>The description uses the phrases of search-engine and marketing pitches.</summary>
    SpamPhrases = 5,

    /// <summary>The description is not written in English, Spanish or French (nor any Latin-script language).</summary>
    UnexpectedLanguage = 6,
}

public static class SpamVerdicts
{
    /// <summary>Why a request is in the quarantine, as staff read it in the inbox and on the request.</summary>
    public static string Label(SpamVerdict verdict) => verdict switch
    {
        SpamVerdict.NotSpam => "Not suspected",
        SpamVerdict.Honeypot => "Filled in a field that people do not see (a robot)",
        SpamVerdict.TooFast => "Sent faster than a person can fill in the form",
        SpamVerdict.MarkedByStaff => "Moved to spam by staff",
        SpamVerdict.ContainsLink => "The description contains a web link",
        SpamVerdict.SpamPhrases => "The description reads like a marketing pitch",
        SpamVerdict.UnexpectedLanguage => "The description is not in English, Spanish or French",
        _ => verdict.ToString(),
    };
}

public static class Urgencies
{
    /// <summary>How the urgency reads to staff: "Someone detained", "Court date on May 4, 2027", "Not urgent".</summary>
    public static string Label(Urgency urgency, DateOnly? courtDate) => urgency switch
    {
        Urgency.Detained => "Someone detained",
        Urgency.CourtDate when courtDate is { } date => $"Court date on {date.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture)}",
        Urgency.CourtDate => "Court date (day not given)",
        _ => "Not urgent",
    };
}
