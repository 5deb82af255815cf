using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// One item's history, in every language: the list of its revisions with what each changed, what one revision
/// changed (only the changed paragraphs, the changed words marked), and restoring an old text once confirmed.
/// </summary>
public abstract class ContentRevisionsController<T>(ContentQueryService content, ContentEditingService editing) : AdminController
    where T : class, IEditableContent
{
    protected abstract ContentSection Section { get; }

    [HttpGet("{id:int}/revisions")]
    public async Task<IActionResult> Revisions(int id, string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        var search = q?.Trim();
        return await content.HistoryAsync<T>(id, search, page, cancellationToken) is { } history
            ? View("~/Areas/Admin/Views/Content/Revisions.cshtml", new RevisionsScreen(Section, id, history.Title, history.Revisions, history.Latest, search))
            : NotFound();
    }

    [HttpGet("{id:int}/revisions/{number:int}")]
    public async Task<IActionResult> Compare(int id, int number, int? with) =>
        await content.CompareAsync<T>(id, number, with) is { } comparison
            ? View("~/Areas/Admin/Views/Content/Compare.cshtml", new RevisionDiffScreen(Section, id, comparison))
            : NotFound();

    /// <summary>
    /// Asks first, on the confirmation page (whose text replaces which, and that the current one stays in the
    /// history); the confirmed post restores it as a new revision.
    /// </summary>
    [HttpPost("{id:int}/revisions/{number:int}/restore")]
    public async Task<IActionResult> RestoreRevision(int id, int number, bool confirmed = false)
    {
        if (!confirmed)
        {
            return await content.RestorePlanAsync<T>(id, number) is { } plan
                ? View("Confirm", ContentConfirmations.RestoreRevision(Section, id, plan))
                : NotFound();
        }

        var outcome = await editing.RestoreRevisionAsync<T>(id, number, User);
        TempData["Message"] = outcome.Saved
            ? $"Revision {number} is the current version again (saved as a new revision)."
            : outcome.Conflict ?? string.Join(" ", outcome.Errors.Values);
        return Redirect($"{Section.AdminPath}/{id}/edit");
    }
}

[Route("admin/articles")]
public sealed class ArticleRevisionsController(ContentQueryService content, ContentEditingService editing)
    : ContentRevisionsController<Article>(content, editing)
{
    protected override ContentSection Section => ContentSection.Articles;
}

[Route("admin/practice-areas")]
public sealed class PracticeAreaRevisionsController(ContentQueryService content, ContentEditingService editing)
    : ContentRevisionsController<PracticeArea>(content, editing)
{
    protected override ContentSection Section => ContentSection.PracticeAreas;
}
