using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PiriSite.Web.Extensions;
using PiriSite.Web.Filters;
using PiriSite.Web.Services;
using PiriSite.Web.Services.Consultations;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

[Route("consultation")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ConsultationController(ConsultationService consultations, FirmProfileService firmProfile) : Controller
{
    // The reference travels to the confirmation page in TempData (a protected cookie), never in the URL.
    private const string ReferenceKey = "ConsultationReference";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? area, CancellationToken cancellationToken)
    {
        var areas = await consultations.ListPracticeAreasAsync(cancellationToken);
        var preselected = areas.Any(a => a.Key == area) ? area : null;
        var form = consultations.NewForm(preselected, "/consultation");
        return View(new ConsultationFormContext(form, areas, await firmProfile.GetAsync(cancellationToken), ShowErrorSummary: false));
    }

    [HttpPost("")]
    [ConsultationFormBody]
    [EnableRateLimiting(RateLimitPolicies.Consultation)]
    public async Task<IActionResult> Submit([FromForm] ConsultationFormViewModel form)
    {
        ArgumentNullException.ThrowIfNull(form);

        // Not cancelled when the visitor's connection drops: a request that is being stored is stored whole,
        // and a retry of the same form then finds it by its idempotency key.
        var result = await consultations.SubmitAsync(form, new SubmissionOrigin($"{Request.Scheme}://{Request.Host}", form.Source ?? ""), CancellationToken.None);
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
        var areas = await consultations.ListPracticeAreasAsync();
        return View(nameof(Index), new ConsultationFormContext(form, areas, await firmProfile.GetAsync(), ShowErrorSummary: true));
    }

    [HttpGet("received")]
    public async Task<IActionResult> Received(CancellationToken cancellationToken)
    {
        // Peek keeps the reference for a refresh of this page during the visit.
        if (TempData.Peek(ReferenceKey) is not string reference)
        {
            return RedirectToAction(nameof(Index));
        }

        return View(new ConsultationReceivedViewModel(reference, await firmProfile.GetAsync(cancellationToken)));
    }
}
