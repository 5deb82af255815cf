namespace PiriSite.Web.Localization;

/// <summary>
/// The public site's interface text (layout, pages, errors): Resources/Localization/SharedResource.resx (English) with its .es and .fr
/// translations, read through <c>IStringLocalizer&lt;SharedResource&gt;</c>. Keys are the English text.
/// </summary>
public sealed class SharedResource;
