namespace PiriSite.Domain.Consultations;

public enum ContactLanguage
{
    English = 0,
    Spanish = 1,
    French = 2,
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
}
