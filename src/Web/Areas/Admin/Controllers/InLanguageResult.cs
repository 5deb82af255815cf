using System.Globalization;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// Runs a result in a page language's culture, as the public address (/es/…) would have set it: a public view drawn
/// for a staff preview of a translation gets its interface text, dates and <see cref="SiteLanguage.Current"/> in the
/// page's language, not in the staff area's English. The culture is put back afterwards.
/// </summary>
public sealed class InLanguageResult(IActionResult inner, SiteLanguage language) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        using (InLanguage(language))
        {
            await inner.ExecuteResultAsync(context);
        }
    }

    /// <summary>Sets the current culture and UI culture to the language's until disposed.</summary>
    public static IDisposable InLanguage(SiteLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var scope = new CultureScope(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language.CultureName);
        return scope;
    }

    private sealed class CultureScope(CultureInfo culture, CultureInfo uiCulture) : IDisposable
    {
        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
