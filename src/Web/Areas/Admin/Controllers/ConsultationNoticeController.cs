using Microsoft.AspNetCore.Authorization;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// The consultation notice (the prospective-client notice of Texas Rule 1.18), one per language: the version in
/// force, its editor, and every earlier version (/admin/consultation-notice, ?culture=es and ?culture=fr; each
/// version at /admin/consultation-notice/{id}). Attorney only: the notice is the responsible attorney's to word.
/// </summary>
[Route("admin/consultation-notice")]
[Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
public sealed class ConsultationNoticeController(ConsultationNoticeEditingService notices) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? culture)
    {
        culture ??= SiteCulture.English;
        if (!SiteCulture.IsSupported(culture))
        {
            return NotFound();
        }

        var history = await notices.HistoryAsync(culture);
        return View(new ConsultationNoticePageViewModel(history, ConsultationNoticeForm.Of(history.Current)));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(ConsultationNoticeForm form, [FromQuery] string? culture)
    {
        ArgumentNullException.ThrowIfNull(form);
        culture ??= SiteCulture.English;
        if (!SiteCulture.IsSupported(culture))
        {
            return NotFound();
        }

        var outcome = await notices.SaveAsync(culture, form.Text, form.CheckboxLabel, User);
        var language = ContentLabels.Language(culture);
        if (outcome.Status == NoticeSaveStatus.Saved)
        {
            TempData["Message"] = $"Version {outcome.Version!.Number} of the {language} notice is in force: the {language} form shows it from now on.";
            return Redirect(ConsultationNoticePageViewModel.PathFor(culture));
        }

        if (outcome.Status == NoticeSaveStatus.Unchanged)
        {
            TempData["Message"] = $"The {language} notice is unchanged, so no new version was made: version {outcome.Version!.Number} stays in force.";
            return Redirect(ConsultationNoticePageViewModel.PathFor(culture));
        }

        foreach (var error in outcome.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), new ConsultationNoticePageViewModel(await notices.HistoryAsync(culture), form));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Version(int id) =>
        await notices.FindAsync(id) is { } detail ? View(ConsultationNoticeVersionViewModel.Of(detail)) : NotFound();
}
