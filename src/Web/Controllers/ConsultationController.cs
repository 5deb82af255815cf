using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.RateLimiting;
using PiriSite.Web.Extensions;
using PiriSite.Web.Filters;
using PiriSite.Web.Services.Consultations;
using PiriSite.Web.Services.Seo;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

[Route("consultation")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ConsultationController(
    ConsultationService consultations,
    FirmProfileService firmProfile,
    PageContextFactory pages,
    IAntiforgery antiforgery) : Controller
{
    // The reference travels to the confirmation page in TempData (a protected cookie), never in the URL.
    private const string ReferenceKey = "ConsultationReference";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? area, CancellationToken cancellationToken)
    {
        var areas = await consultations.ListPracticeAreasAsync(cancellationToken);
        var preselected = areas.Any(a => a.TranslationKey == area) ? area : null;
        var form = ConsultationFormViewModel.Shared(preselected, "/consultation").With(consultations.IdentityFor());
        return View(await FormPageAsync(form, areas, showErrorSummary: false, cancellationToken));
    }

    /// <summary>
    /// The values that make a shared (cached) page's short form this visitor's own: the antiforgery token (and
    /// its cookie), an idempotency key and the sealed time the person started. consultation.js asks for them when
    /// the visitor first touches the form. Never cached; readable only by the site's own pages (no CORS).
    /// </summary>
    [HttpGet("form-token")]
    public IActionResult FormToken()
    {
        var tokens = antiforgery.GetAndStoreTokens(HttpContext);
        var identity = consultations.IdentityFor();
        return Json(new { tokens.FormFieldName, Token = tokens.RequestToken, identity.IdempotencyKey, identity.ShownAt });
    }

    /// <remarks>
    /// The antiforgery token is checked here rather than by the global filter, so that a request without a valid
    /// one (a cached page's form sent by a browser without JavaScript, or after a long pause) is not answered
    /// with a bare error that loses what the person typed: the form comes back filled in, with a fresh token,
    /// and nothing is stored until it is sent again from this site. Cross-site posts are refused outright.
    /// A form shown again keeps the time it was first shown (or starts now if it had none), never an earlier one.
    /// </remarks>
    [HttpPost("")]
    [IgnoreAntiforgeryToken]
    [ConsultationFormBody]
    [EnableRateLimiting(RateLimitPolicies.Consultation)]
    public async Task<IActionResult> Submit([FromForm] ConsultationFormViewModel form)
    {
        ArgumentNullException.ThrowIfNull(form);

        if (Request.IsCrossSite())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            ModelState.AddModelError("", "Your request is not sent yet. Please check it and press “Send my request” once more.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await ShownAgainAsync(form));
        }

        // Not cancelled when the visitor's connection drops: a request that is being stored is stored whole,
        // and a retry of the same form then finds it by its idempotency key.
        var result = await consultations.SubmitAsync(form.ToSubmission(), form.ToEnvelope(), CancellationToken.None);
        if (result.Accepted)
        {
            TempData[ReferenceKey] = result.Reference;
            return RedirectToAction(nameof(Received));
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), await ShownAgainAsync(form));
    }

    [HttpGet("received")]
    public async Task<IActionResult> Received(CancellationToken cancellationToken)
    {
        // Peek keeps the reference for a refresh of this page during the visit.
        if (TempData.Peek(ReferenceKey) is not string reference)
        {
            return RedirectToAction(nameof(Index));
        }

        var firm = await firmProfile.GetAsync(cancellationToken);
        var page = pages.For(Request, firm, "We received your request", $"Your consultation request reached {firm.FirmName}.")
            with { NoIndex = true, HideCtaBand = true }; // a private page: not for search engines
        return View(new ConsultationReceivedViewModel(page, reference, firm));
    }

    // Everything typed comes back, with the form's own key and first "shown at" time kept (or new ones if unreadable).
    private async Task<ConsultationPageViewModel> ShownAgainAsync(ConsultationFormViewModel form)
    {
        form.With(consultations.IdentityFor(form.IdempotencyKey, form.ShownAt));
        return await FormPageAsync(form, await consultations.ListPracticeAreasAsync(), showErrorSummary: true, CancellationToken.None);
    }

    private async Task<ConsultationPageViewModel> FormPageAsync(
        ConsultationFormViewModel form, IReadOnlyList<PracticeArea> areas, bool showErrorSummary, CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        var page = pages.For(Request, firm,
            showErrorSummary ? $"Please check the form: {firm.ConsultationOfferTitle}" : firm.ConsultationOfferTitle,
            $"Ask {firm.FirmName} for a free 30-minute consultation with immigration attorney {firm.AttorneyName}, or call {firm.Phone}, 24 hours a day, 7 days a week.")
            with { HideCtaBand = true };
        return new ConsultationPageViewModel(page, new ConsultationFormContext(form, PracticeAreaOption.From(areas), firm, showErrorSummary));
    }
}
