using Microsoft.AspNetCore.Authorization;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// The firm's profile: name, attorney, phone, offer and the legal notices, one per language (/admin/firm is the
/// English one, /admin/firm?culture=es and ?culture=fr the Spanish and French: one form, one route, so the
/// Attorney-only rule covers every language). Attorney only, because the disclaimers and the advertising notice
/// are the responsible attorney's to word.
/// </summary>
[Route("admin/firm")]
[Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
public sealed class FirmProfileController(FirmProfileEditingService editing) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Edit([FromQuery] string? culture)
    {
        var firm = await editing.GetAsync(culture ?? SiteCulture.English);
        return firm is null ? NotFound() : View(nameof(Edit), FirmProfileForm.Of(firm));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(FirmProfileForm form, [FromQuery] string? culture)
    {
        ArgumentNullException.ThrowIfNull(form);
        culture ??= SiteCulture.English;
        form.Culture = culture;
        // A field that did not bind (a Version that is not a number) is never saved, as before the service.
        var outcome = ModelState.IsValid
            ? await editing.SaveAsync(form.ToSubmission(), form.Version, User, culture)
            : new FirmProfileSaveOutcome(FirmProfileSaveStatus.Invalid, FirmProfileRules.Validate(form.ToSubmission()));
        if (outcome.Status == FirmProfileSaveStatus.NotFound)
        {
            return NotFound();
        }

        if (outcome.Status == FirmProfileSaveStatus.Saved)
        {
            TempData["Message"] = $"The {ContentLabels.Language(culture)} firm profile was saved and is live on the site.";
            return Redirect(FirmProfileForm.PathFor(culture));
        }

        foreach (var error in outcome.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        Response.StatusCode = outcome.Status == FirmProfileSaveStatus.Conflict
            ? StatusCodes.Status409Conflict
            : StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Edit), form);
    }
}
