using PiriSite.Domain.Accounts;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// Lists, edits, deletes and restores one kind of content. Articles and practice areas share everything
/// but their words and addresses, which each subclass gives in <see cref="Section"/>.
/// </summary>
public abstract class ContentAdminController<T>(ContentQueryService content, ContentEditingService editing, TimeProvider clock) : AdminController
    where T : class, IEditableContent
{
    protected abstract ContentSection Section { get; }

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, bool deleted = false)
    {
        var search = q?.Trim();
        var rows = await content.ListAsync<T>(search, deleted);
        return View("~/Areas/Admin/Views/Content/Index.cshtml", new ContentListScreen(Section, rows, search, deleted));
    }

    [HttpGet("new")]
    public IActionResult New() => Editor(null, new ContentEditorForm { Status = nameof(ContentStatus.Draft) }, conflict: null, stored: null);

    [HttpPost("new")]
    public Task<IActionResult> Create(ContentEditorForm form) => SaveAsync(null, form);

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var item = await content.FindAsync<T>(id);
        return item is null
            ? NotFound()
            : Editor(id, ContentEditorForm.Of(item), conflict: null, StoredContent.Of(item, clock.GetUtcNow().UtcDateTime));
    }

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Update(int id, ContentEditorForm form) => SaveAsync(id, form);

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id)
    {
        if (!await editing.SetDeletedAsync<T>(id, deleted: true, User))
        {
            return NotFound();
        }

        TempData["Message"] = $"The {Section.Singular} was deleted. You can restore it from the deleted list.";
        return Redirect(Section.AdminPath);
    }

    [HttpPost("{id:int}/restore")]
    public async Task<IActionResult> Restore(int id)
    {
        if (!await editing.SetDeletedAsync<T>(id, deleted: false, User))
        {
            return NotFound();
        }

        TempData["Message"] = $"The {Section.Singular} was restored.";
        return Redirect($"{Section.AdminPath}/{id}/edit");
    }

    [HttpGet("{id:int}/revisions")]
    public async Task<IActionResult> Revisions(int id) =>
        await content.HistoryAsync<T>(id) is { } history
            ? View("~/Areas/Admin/Views/Content/Revisions.cshtml", new RevisionsScreen(Section, id, history.Title, history.Revisions))
            : NotFound();

    [HttpGet("{id:int}/revisions/{number:int}")]
    public async Task<IActionResult> Compare(int id, int number, int? with) =>
        await content.CompareAsync<T>(id, number, with) is { } comparison
            ? View("~/Areas/Admin/Views/Content/Compare.cshtml", new RevisionDiffScreen(Section, id, comparison))
            : NotFound();

    [HttpPost("{id:int}/revisions/{number:int}/restore")]
    public async Task<IActionResult> RestoreRevision(int id, int number)
    {
        var outcome = await editing.RestoreRevisionAsync<T>(id, number, User);
        TempData["Message"] = outcome.Saved
            ? $"Revision {number} is the current version again (saved as a new revision)."
            : outcome.Conflict ?? string.Join(" ", outcome.Errors.Values);
        return Redirect($"{Section.AdminPath}/{id}/edit");
    }

    private async Task<IActionResult> SaveAsync(int? id, ContentEditorForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var outcome = await editing.SaveAsync<T>(id, form.Version, form.ToSubmission(), User);
        if (outcome.ItemMissing)
        {
            return NotFound();
        }

        if (outcome.Saved)
        {
            TempData["Message"] = $"Saved. It is at {Section.PublicPath}/{outcome.Slug} when published.";
            return Redirect($"{Section.AdminPath}/{outcome.Id}/edit");
        }

        foreach (var (field, message) in outcome.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        Response.StatusCode = outcome.Conflict is null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
        return Editor(id, form, outcome.Conflict, outcome.Stored);
    }

    private ViewResult Editor(int? id, ContentEditorForm form, string? conflict, StoredContent? stored) =>
        View("~/Areas/Admin/Views/Content/Edit.cshtml", new ContentEditorScreen(
            Section, id, form, conflict,
            stored?.State,
            stored is null ? null : $"{Section.PublicPath}/{stored.Slug}",
            stored?.ReviewedAt, stored?.ReviewedBy,
            CanReview: stored is not null && Section.Kind == ContentKind.Article && User.IsInRole(StaffRoles.Attorney)));
}
