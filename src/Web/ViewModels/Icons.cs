using Microsoft.AspNetCore.Html;

namespace PiriSite.Web.ViewModels;

/// <summary>
/// Inline SVG icons, written as they are: a partial view per icon cost a view lookup and a buffer on every page.
/// </summary>
public static class Icons
{
    /// <summary>A telephone handset, beside every "Call" button; decorative, so hidden from screen readers.</summary>
    public static IHtmlContent Phone { get; } = new HtmlString(
        """
        <svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20"><path fill="currentColor" d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.46.57 3.6a1 1 0 0 1-.25 1z"/></svg>
        """);
}
