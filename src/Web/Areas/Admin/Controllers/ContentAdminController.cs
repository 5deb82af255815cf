using Microsoft.AspNetCore.Authorization;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// Lists, edits, translates, reviews, deletes and restores one kind of content, in every language (a translation is
/// edited at its own id, like its English page); its history is <see cref="ContentRevisionsController{T}"/>'s.
/// Articles and practice areas share everything but their words and addresses, which each subclass gives in <see cref="Section"/>.
/// </summary>
public abstract class ContentAdminController<T>(ContentQueryService content, ContentEditingService editing, TimeProvider clock) : AdminController
    where T : class, IEditableContent
{
    protected abstract ContentSection Section { get; }

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, bool deleted = false, int page = 1, CancellationToken cancellationToken = default)
    {
        var search = q?.Trim();
        var list = await content.ListAsync<T>(search, deleted, page, cancellationToken);
        return View("~/Areas/Admin/Views/Content/Index.cshtml", new ContentListScreen(Section, list, search, deleted));
    }

    [HttpGet("new")]
    public Task<IActionResult> New() => EditorAsync(null, new ContentEditorForm { Status = nameof(ContentStatus.Draft) }, conflict: null, stored: null);

    [HttpPost("new")]
    public Task<IActionResult> Create(ContentEditorForm form) => SaveAsync(null, form);

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id) =>
        await content.FindAsync<T>(id) is { } item
            ? await EditorAsync(item, ContentEditorForm.Of(item, await TopicsOfAsync(id)), conflict: null, StoredContent.Of(item, clock.GetUtcNow().UtcDateTime))
            : NotFound();

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Update(int id, ContentEditorForm form) => SaveAsync(id, form);

    /// <summary>Starts the Spanish or French translation of English item <paramref name="id"/> as a draft, and opens it.</summary>
    [HttpPost("{id:int}/translations/{culture}")]
    public async Task<IActionResult> AddTranslation(int id, string culture)
    {
        var outcome = await editing.AddTranslationAsync<T>(id, culture, User);
        if (!outcome.Saved)
        {
            return outcome.ItemMissing ? NotFound() : Message(id, string.Join(" ", outcome.Errors.Values));
        }

        return Message(outcome.Id!.Value, $"This {ContentLabels.Language(culture)} translation is a draft holding the English text: translate it, " +
            "choose its address, then publish it.");
    }

    /// <summary>The Attorney confirms the text (an English page's accuracy, a translation's faithfulness); the public page shows the date.</summary>
    [HttpPost("{id:int}/review")]
    [Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
    public async Task<IActionResult> MarkReviewed(int id, int version) =>
        await editing.MarkReviewedAsync<T>(id, version, User) switch
        {
            ReviewOutcome.NotFound => NotFound(),
            ReviewOutcome.Reviewed => Message(id, "Marked as reviewed by the attorney today."),
            _ => Message(id, "The text was changed after you opened this page, so it was not marked as reviewed. Read it again below, then mark it reviewed."),
        };

    /// <summary>Asks first, on the confirmation page (what leaves the public site, where it can be restored from).</summary>
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, bool confirmed = false)
    {
        if (!confirmed)
        {
            return await content.FindAsync<T>(id) is { } item
                ? View("Confirm", ContentConfirmations.Delete(Section, item, item.StateAt(clock.GetUtcNow().UtcDateTime)))
                : NotFound();
        }

        if (!await editing.SetDeletedAsync<T>(id, deleted: true, User))
        {
            return NotFound();
        }

        TempData["Message"] = $"The {Section.Singular} was deleted. You can restore it from the deleted list.";
        return Redirect(Section.AdminPath);
    }

    [HttpPost("{id:int}/restore")]
    public async Task<IActionResult> Restore(int id) =>
        await editing.SetDeletedAsync<T>(id, deleted: false, User) ? Message(id, $"The {Section.Singular} was restored.") : NotFound();

    /// <summary>The topics the editor offers in <paramref name="culture"/>; null where the kind is not filed under topics (practice areas).</summary>
    protected virtual Task<IReadOnlyList<TopicChoice>?> TopicChoicesAsync(string culture) => Task.FromResult<IReadOnlyList<TopicChoice>?>(null);

    /// <summary>The topics item <paramref name="id"/> is filed under, ticked when the editor opens.</summary>
    protected virtual Task<IReadOnlyList<int>> TopicsOfAsync(int id) => Task.FromResult<IReadOnlyList<int>>([]);

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
            var address = SitePaths.ForKind(SiteLanguage.Of(outcome.Culture), Section.Kind, outcome.Slug!);
            return Message(outcome.Id!.Value, $"Saved. It is at {address} when published.");
        }

        foreach (var (field, message) in outcome.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        Response.StatusCode = outcome.Conflict is null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
        return await EditorAsync(id is { } existing ? await content.FindAsync<T>(existing) : null, form, outcome.Conflict, outcome.Stored);
    }

    // The editor shows the form (possibly unsaved text) beside the item as stored and its languages.
    private async Task<IActionResult> EditorAsync(T? item, ContentEditorForm form, string? conflict, StoredContent? stored)
    {
        var language = SiteLanguage.Of(item?.Culture);
        return View("~/Areas/Admin/Views/Content/Edit.cshtml", new ContentEditorScreen(
            Section, item?.Id, form, conflict,
            stored?.State,
            stored is null ? null : SitePaths.ForKind(language, Section.Kind, stored.Slug),
            stored?.ReviewedAt, stored?.ReviewedBy,
            CanReview: stored is not null && User.IsInRole(StaffRoles.Attorney))
        {
            Language = language,
            Translations = item is null ? null : await content.TranslationsAsync(item),
            ReviewSchedule = ReviewScheduleView.Of(item, Section.Kind, clock.GetUtcNow().UtcDateTime),
            Topics = await TopicChoicesAsync(language.Code),
        });
    }

    private RedirectResult Message(int id, string message)
    {
        TempData["Message"] = message;
        return Redirect($"{Section.AdminPath}/{id}/edit");
    }
}
