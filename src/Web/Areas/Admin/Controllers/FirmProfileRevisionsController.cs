using Microsoft.AspNetCore.Authorization;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// The history of the firm profile in each language (its About, Disclaimer and Privacy pages included): the list of
/// revisions with what each changed, what one changed, and restoring an old one once confirmed. Attorney only, as
/// the profile's editor is.
/// </summary>
[Route("admin/firm/revisions")]
[Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
public sealed class FirmProfileRevisionsController(FirmProfileHistoryService history, FirmProfileEditingService editing) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? culture)
    {
        culture ??= SiteCulture.English;
        return await history.HistoryAsync(culture) is { } revisions
            ? View(new FirmProfileHistoryScreen(culture, revisions))
            : NotFound();
    }

    [HttpGet("{number:int}")]
    public async Task<IActionResult> Compare(int number, [FromQuery] string? culture, [FromQuery] int? with) =>
        await history.CompareAsync(culture ?? SiteCulture.English, number, with) is { } comparison
            ? View(new FirmProfileCompareScreen(comparison))
            : NotFound();

    /// <summary>
    /// Asks first, on the confirmation page (which fields it changes back, and that the current profile stays in
    /// the history); the confirmed post restores it through the editor's one save path.
    /// </summary>
    [HttpPost("{number:int}/restore")]
    public async Task<IActionResult> Restore(int number, [FromQuery] string? culture, int? version, bool confirmed = false)
    {
        culture ??= SiteCulture.English;
        if (!confirmed || version is null)
        {
            return await history.RestorePlanAsync(culture, number) is { } plan
                ? View("Confirm", FirmProfileConfirmations.Restore(plan))
                : NotFound();
        }

        var outcome = await editing.RestoreAsync(culture, number, version.Value, User);
        if (outcome.Status == FirmProfileSaveStatus.NotFound)
        {
            return NotFound();
        }

        TempData["Message"] = outcome.Status == FirmProfileSaveStatus.Saved
            ? $"Revision {number} of the {ContentLabels.Language(culture)} firm profile is current again (saved as a new revision)."
            : string.Join(" ", outcome.Errors.Select(e => e.Message));
        return Redirect(outcome.Status == FirmProfileSaveStatus.Saved ? FirmProfileForm.PathFor(culture) : FirmProfilePaths.History(culture));
    }
}
