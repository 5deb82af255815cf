using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using PiriSite.Web.Localization;
using PiriSite.Web.Services.Seo;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

/// <summary>
/// Renders the friendly error pages. Reached by re-execution from the exception handler and the status-code
/// pages, with the original request's method, so it answers every method and needs no antiforgery token.
/// It never shows what went wrong inside: that goes to the log only. The page speaks the language of the address
/// that was asked for (PathRequestCultureProvider reads the original path), so "/es/..." fails in Spanish; an
/// address in the staff area (/admin, /account) fails in the staff area's own layout, in English.
/// </summary>
[Route("error")]
[IgnoreAntiforgeryToken]
public sealed class ErrorController(FirmProfileService firmProfile, PageContextFactory pages, IStringLocalizer<SharedResource> text) : Controller
{
    [Route("{statusCode:int}")]
    public async Task<IActionResult> Show([FromRoute] int statusCode)
    {
        // Re-executed by the exception handler, the response already carries the status it chose (500, 413, 400).
        var requested = HttpContext.Features.Get<IExceptionHandlerFeature>() is null ? statusCode : Response.StatusCode;
        var code = requested is >= 400 and <= 599 ? requested : StatusCodes.Status500InternalServerError;
        Response.StatusCode = code;

        if (StaffErrorViewModel.IsStaffAddress(OriginalPath()))
        {
            // Never kept: the page can name the signed-in person (the header), like every staff page.
            Response.Headers.CacheControl = "no-store";
            var staffError = StaffErrorViewModel.For(code);
            return View($"~/Views/Error/Staff/{staffError.View}.cshtml", staffError);
        }

        var english = ErrorViewModel.For(code);
        var error = english with { Title = text[english.Title], Message = text[english.Message] };

        // The profile may be what failed: the page then renders without the parts that need it.
        var page = pages.For(Request, await firmProfile.TryGetAsync(), error.Title, error.Message) with { NoIndex = true };
        return View(code == StatusCodes.Status404NotFound ? "NotFound" : "Error", new ErrorPageViewModel(page, error));
    }

    // The address that failed: the status-code pages and the exception handler each keep it in their own feature.
    private string? OriginalPath() =>
        HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
        ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
}
