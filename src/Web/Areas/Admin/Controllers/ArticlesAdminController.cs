using Microsoft.AspNetCore.Authorization;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Areas.Admin.Controllers;

[Route("admin/articles")]
public sealed class ArticlesAdminController(ContentQueryService content, ContentEditingService editing, TimeProvider clock)
    : ContentAdminController<Article>(content, editing, clock)
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
