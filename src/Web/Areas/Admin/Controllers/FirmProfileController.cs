using Microsoft.AspNetCore.Authorization;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// The firm's profile: name, attorney, phone, offer and the legal notices. Attorney only, because the
/// disclaimers and the advertising notice are the responsible attorney's to word.
/// </summary>
[Route("admin/firm")]
[Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
public sealed class FirmProfileController(FirmProfileEditingService editing) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Edit() => View(FirmProfileForm.Of(await editing.GetAsync()));

    [HttpPost("")]
    public async Task<IActionResult> Save(FirmProfileForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        // A field that did not bind (a Version that is not a number) is never saved, as before the service.
        var outcome = ModelState.IsValid
            ? await editing.SaveAsync(form.ToSubmission(), form.Version, User)
            : new FirmProfileSaveOutcome(FirmProfileSaveStatus.Invalid, FirmProfileRules.Validate(form.ToSubmission()));
        if (outcome.Status == FirmProfileSaveStatus.Saved)
        {
            TempData["Message"] = "The firm profile was saved and is live on the site.";
            return RedirectToAction(nameof(Edit));
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
