using System.Net;
using Microsoft.AspNetCore.Html;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Models;

/// <summary>How the comparison screens mark the changed words.</summary>
public static class DiffMarkup
{
    // Struck through (removed) or underlined (added), never by colour alone, and said to screen readers.
    public static IHtmlContent Spans(IReadOnlyList<DiffSpan> spans) => new HtmlString(string.Concat(spans.Select(span => span.Change switch
    {
        DiffChange.Removed => $"<span class=\"visually-hidden\" lang=\"en\">removed: </span><del>{WebUtility.HtmlEncode(span.Text)}</del>",
        DiffChange.Added => $"<span class=\"visually-hidden\" lang=\"en\">added: </span><ins>{WebUtility.HtmlEncode(span.Text)}</ins>",
        _ => WebUtility.HtmlEncode(span.Text),
    })));
}
