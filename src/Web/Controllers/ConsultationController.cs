using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PiriSite.Web.Extensions;
using PiriSite.Web.Filters;
using PiriSite.Web.Localization;
using PiriSite.Web.Services.Consultations;
using PiriSite.Web.Services.Seo;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

/// <remarks>
/// In every language at its translated address (/es/consulta, /fr/consultation, /es/consulta/recibida…): the
/// language of the address is the page's, its messages' and the notice a request accepts.
/// </remarks>
[Route("consultation")]
[LocalizedRoutes]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ConsultationController(
    ConsultationService consultations,
    ConsultationNotices notices,
    FirmProfileService firmProfile,
    PageContextFactory pages,
    IAntiforgery antiforgery,
    IStringLocalizer<ConsultationResource> localizer) : Controller
{
    // The reference travels to the confirmation page in TempData (a protected cookie), never in the URL.
    private const string ReferenceKey = "ConsultationReference";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? area, CancellationToken cancellationToken)
    {
        var language = SiteLanguage.Current;
        var areas = await consultations.ListPracticeAreasAsync(language, cancellationToken);
        var preselected = areas.Any(a => a.Key == area) ? area : null;
        var form = ConsultationFormViewModel.Shared(preselected, SitePaths.Section(language, SiteSection.Consultation))
            .With(consultations.IdentityFor());
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
            ModelState.AddModelError("", localizer["Your request is not sent yet. Please check it and press “Send my request” once more."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await ShownAgainAsync(form));
        }

        // Not cancelled when the visitor's connection drops: a request that is being stored is stored whole,
        // and a retry of the same form then finds it by its idempotency key.
        var language = SiteLanguage.Current;
        var envelope = form.ToEnvelope() with { Language = language };
        var result = await consultations.SubmitAsync(form.ToSubmission(), envelope, CancellationToken.None);
        if (result.Accepted)
        {
            TempData[ReferenceKey] = result.Reference;
            return Redirect(SitePaths.Section(language, SiteSection.ConsultationReceived));
        }

        foreach (var (field, error) in result.Errors)
        {
            ModelState.AddModelError(field, localizer.Localize(error));
            // A box ticked under another language's notice accepted nothing: it is ticked again under the one shown now.
            form.Acknowledged = error.Code == ConsultationErrorCode.NoticeVersionUnknown ? null : form.Acknowledged;
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), await ShownAgainAsync(form));
    }

    [HttpGet("received")]
    public async Task<IActionResult> Received(CancellationToken cancellationToken)
    {
        // Peek keeps the reference for a refresh of this page during the visit (in any of its languages).
        if (TempData.Peek(ReferenceKey) is not string reference)
        {
            return Redirect(SitePaths.Section(SiteLanguage.Current, SiteSection.Consultation));
        }

        var firm = await firmProfile.GetAsync(cancellationToken);
        var page = PageIn(SiteSection.ConsultationReceived, firm, localizer["We received your request"], localizer["Your consultation request reached {0}.", firm.FirmName])
            with { NoIndex = true, HideCtaBand = true }; // a private page: not for search engines
        return View(new ConsultationReceivedViewModel(page, reference, firm));
    }

    // Everything typed comes back, with the form's own key and first "shown at" time kept (or new ones if unreadable).
    private async Task<ConsultationPageViewModel> ShownAgainAsync(ConsultationFormViewModel form)
    {
        form.With(consultations.IdentityFor(form.IdempotencyKey, form.ShownAt));
        var areas = await consultations.ListPracticeAreasAsync(SiteLanguage.Current, CancellationToken.None);
        return await FormPageAsync(form, areas, showErrorSummary: true, CancellationToken.None);
    }

    private async Task<ConsultationPageViewModel> FormPageAsync(
        ConsultationFormViewModel form, IReadOnlyList<PracticeAreaChoice> areas, bool showErrorSummary, CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        var page = PageIn(SiteSection.Consultation, firm,
            showErrorSummary ? localizer["Please check the form: {0}", firm.ConsultationOfferTitle] : firm.ConsultationOfferTitle,
            localizer["Ask {0} for a free 30-minute consultation with immigration attorney {1}, or call {2}, 24 hours a day, 7 days a week.",
                firm.FirmName, firm.AttorneyName, firm.Phone])
            with { HideCtaBand = true };
        var notice = await notices.CurrentAsync(SiteLanguage.Current, cancellationToken);
        return new ConsultationPageViewModel(page, new ConsultationFormContext(form, PracticeAreaOption.From(areas), firm, notice, showErrorSummary));
    }

    // The form and its confirmation exist in every language, at each language's own address.
    private PageContext PageIn(SiteSection section, FirmProfile firm, string title, string description) =>
        pages.For(Request, firm, title, description) with
        {
            Language = SiteLanguage.Current,
            Alternates = SiteLanguage.All.Select(l => new PageAlternate(l, SitePaths.Section(l, section))).ToList(),
        };
}
