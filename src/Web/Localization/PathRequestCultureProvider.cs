using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using PiriSite.Domain.Content;

namespace PiriSite.Web.Localization;

/// <summary>
/// The page's language comes from its address alone ("/es/..." is Spanish, no prefix is English): never from a
/// cookie or Accept-Language, so every address shows the same page to everyone and can be cached and crawled.
/// An error page shown in place of another (404, 500) speaks the language of the address that was asked for.
/// </summary>
internal sealed class PathRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var path = httpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? httpContext.Request.Path.Value;
        var language = SiteLanguage.FromPath(path);
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(language.CultureName));
    }
}
