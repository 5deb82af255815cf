namespace PiriSite.Web.Localization;

/// <summary>
/// The consultation form's text in every language: labels, hints, choices, validation messages, the confirmation
/// page and the acknowledgement email (Resources/Localization/ConsultationResource.resx with .es and .fr).
/// </summary>
public sealed class ConsultationResource;
