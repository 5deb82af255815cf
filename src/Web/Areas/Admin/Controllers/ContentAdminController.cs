using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PiriSite.Data;
using PiriSite.Domain.Content;
using PiriSite.Domain.Search;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// Lists, edits, deletes and restores one kind of content. Articles and practice areas share everything
/// but their words and addresses, which each subclass gives in <see cref="Section"/>.
/// </summary>
public abstract class ContentAdminController<T>(
    SiteDbContext db,
    ContentEditingService editing,
    MarkdownRenderer markdown,
    TimeProvider clock) : AdminController
    where T : class, IEditableContent
{
    protected abstract ContentSection Section { get; }

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, bool deleted = false)
    {
        var query = db.Set<T>().AsNoTracking().Where(c => c.Culture == SiteCulture.English);
        query = deleted ? query.Where(c => c.DeletedAt != null) : query.Where(c => c.DeletedAt == null);
        var search = q?.Trim();
        if (LikePattern.Containing(search) is { } pattern)
        {
            query = query.Where(c => EF.Functions.Like(c.Title, pattern) || EF.Functions.Like(c.Slug, pattern) || EF.Functions.Like(c.Summary, pattern));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var items = await query.OrderByDescending(c => c.UpdatedAt).Take(500).ToListAsync();
        var rows = items.Select(c => new ContentListRow(c.Id, c.Title, c.Slug, c.StateAt(now), c.PublishedAt, c.UpdatedAt, c.DeletedAt is not null)).ToList();
        return View("~/Areas/Admin/Views/Content/Index.cshtml", new ContentListScreen(Section, rows, search, deleted));
    }

    [HttpGet("new")]
    public IActionResult New() =>
        Editor(null, new ContentEditorForm { Status = nameof(ContentStatus.Draft) }, preview: null, conflict: null, item: null);

    [HttpPost("new")]
    public Task<IActionResult> Create(ContentEditorForm form) => SaveOrPreviewAsync(null, form);

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var item = await db.Set<T>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id);
        if (item is null)
        {
            return NotFound();
        }

        var form = new ContentEditorForm
        {
            Title = item.Title,
            Slug = item.Slug,
            Summary = item.Summary,
            BodyMarkdown = item.BodyMarkdown,
            SeoTitle = item.SeoTitle,
            SeoDescription = item.SeoDescription,
            Status = item.Status.ToString(),
            PublishAt = item.PublishedAt is { } at ? FirmTimeZone.ToFirmTime(at).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) : null,
            Version = item.Version,
        };
        return Editor(id, form, preview: null, conflict: null, item);
    }

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Update(int id, ContentEditorForm form) => SaveOrPreviewAsync(id, form);

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
    public async Task<IActionResult> Revisions(int id)
    {
        var item = await db.Set<T>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id);
        if (item is null)
        {
            return NotFound();
        }

        var revisions = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == Section.Kind && r.ContentId == id)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionRow(r.Number, r.SavedAt, r.SavedByName, r.Note))
            .ToListAsync();
        return View("~/Areas/Admin/Views/Content/Revisions.cshtml", new RevisionsScreen(Section, id, item.Title, revisions));
    }

    [HttpGet("{id:int}/revisions/{number:int}")]
    public async Task<IActionResult> Compare(int id, int number, int? with)
    {
        var revisions = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == Section.Kind && r.ContentId == id)
            .ToListAsync();
        var to = revisions.SingleOrDefault(r => r.Number == number);
        if (to is null)
        {
            return NotFound();
        }

        var from = revisions.SingleOrDefault(r => r.Number == (with ?? number - 1));
        var fields = new List<(string, IReadOnlyList<DiffLine>)>
        {
            ("Title", Diff(from?.Title, to.Title)),
            ("Address", Diff(from?.Slug, to.Slug)),
            ("Summary", Diff(from?.Summary, to.Summary)),
            ("Text", Diff(from?.BodyMarkdown, to.BodyMarkdown)),
            ("Search title", Diff(from?.SeoTitle, to.SeoTitle)),
            ("Search description", Diff(from?.SeoDescription, to.SeoDescription)),
            ("Status", Diff(from?.Status.ToString(), to.Status.ToString())),
        };
        return View("~/Areas/Admin/Views/Content/Compare.cshtml",
            new RevisionDiffScreen(Section, id, to.Title, from?.Number ?? 0, to.Number, fields));
    }

    [HttpPost("{id:int}/revisions/{number:int}/restore")]
    public async Task<IActionResult> RestoreRevision(int id, int number)
    {
        var outcome = await editing.RestoreRevisionAsync<T>(id, number, User);
        TempData["Message"] = outcome.Saved
            ? $"Revision {number} is the current version again (saved as a new revision)."
            : outcome.Conflict ?? string.Join(" ", outcome.Errors.Values);
        return Redirect($"{Section.AdminPath}/{id}/edit");
    }

    private async Task<IActionResult> SaveOrPreviewAsync(int? id, ContentEditorForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var item = id is { } existing ? await db.Set<T>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == existing) : null;
        if (id is not null && item is null)
        {
            return NotFound();
        }

        if (form.Intent == "preview")
        {
            return Editor(id, form, await PreviewAsync(form), conflict: null, item);
        }

        var outcome = await editing.SaveAsync<T>(id, form.Version, form.ToSubmission(), User);
        if (outcome.Saved)
        {
            TempData["Message"] = $"Saved. It is at {Section.PublicPath}/{outcome.Slug} when published.";
            return Redirect($"{Section.AdminPath}/{outcome.Id}/edit");
        }

        foreach (var (field, message) in outcome.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        if (outcome.Conflict is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Editor(id, form, await PreviewAsync(form), outcome.Conflict, item);
    }

    // The preview renders as a save would, images with their sizes included.
    private async Task<RenderedMarkdown> PreviewAsync(ContentEditorForm form) =>
        markdown.Render(form.BodyMarkdown, await db.ImagesByUrlAsync());

    private ViewResult Editor(int? id, ContentEditorForm form, RenderedMarkdown? preview, string? conflict, T? item)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = item as Article;
        var screen = new ContentEditorScreen(
            Section, id, form, preview, conflict,
            item?.StateAt(now),
            item is null ? null : $"{Section.PublicPath}/{item.Slug}",
            article?.ReviewedAt, article?.ReviewedBy,
            CanReview: article is not null && User.IsInRole(Domain.Accounts.StaffRoles.Attorney));
        return View("~/Areas/Admin/Views/Content/Edit.cshtml", screen);
    }

    private static List<DiffLine> Diff(string? before, string? after)
    {
        var model = InlineDiffBuilder.Diff(before ?? "", after ?? "");
        return model.Lines.Select(line => new DiffLine(line.Type switch
        {
            ChangeType.Inserted => "added",
            ChangeType.Deleted => "removed",
            _ => "same",
        }, line.Text)).ToList();
    }
}

[Route("admin/articles")]
public sealed class ArticlesAdminController(SiteDbContext db, ContentEditingService editing, MarkdownRenderer markdown, TimeProvider clock)
    : ContentAdminController<Article>(db, editing, markdown, clock)
{
    private readonly ContentEditingService _editing = editing;

    protected override ContentSection Section { get; } =
        new(ContentKind.Article, "/admin/articles", "/articles", "Articles", "article", "Title");

    /// <summary>The Attorney confirms the article is accurate today; the public page shows the date.</summary>
    [HttpPost("{id:int}/review")]
    [Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
    public async Task<IActionResult> MarkReviewed(int id, int version)
    {
        var outcome = await _editing.MarkReviewedAsync(id, version, User);
        if (outcome == ReviewOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["Message"] = outcome == ReviewOutcome.Reviewed
            ? "Marked as reviewed by the attorney today."
            : "The text was changed after you opened this page, so it was not marked as reviewed. Read it again below, then mark it reviewed.";
        return Redirect($"/admin/articles/{id}/edit");
    }
}

[Route("admin/practice-areas")]
public sealed class PracticeAreasAdminController(SiteDbContext db, ContentEditingService editing, MarkdownRenderer markdown, TimeProvider clock)
    : ContentAdminController<PracticeArea>(db, editing, markdown, clock)
{
    protected override ContentSection Section { get; } =
        new(ContentKind.PracticeArea, "/admin/practice-areas", "/practice-areas", "Practice areas", "practice area", "Name");
}
