using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PiriSite.Domain.Content;
using PiriSite.Web.Services;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Services.Consultations;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

[Route("practice-areas")]
public sealed class PracticeAreasController(
    PublicContentService content,
    FirmProfileService firmProfile) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.PracticeAreasTag])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        return View(new PracticeAreaIndexViewModel(firm, await content.ListPracticeAreasAsync(cancellationToken)));
    }

    [HttpGet("{slug}")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.PracticeAreasTag])]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var area = await content.FindPracticeAreaAsync(slug, cancellationToken);
        if (area is null)
        {
            return await content.FindMovedSlugAsync(ContentKind.PracticeArea, slug, cancellationToken) is { } moved
                ? RedirectPermanent($"/practice-areas/{moved}")
                : NotFound();
        }

        var firm = await firmProfile.GetAsync(cancellationToken);
        var others = (await content.ListPracticeAreasAsync(cancellationToken)).Where(a => a.Slug != area.Slug).ToList();
        var shortForm = new ConsultationFormContext(
            ConsultationService.NewSharedForm(area.TranslationKey, Request.Path), [], firm, ShowErrorSummary: false, Compact: true);
        return View(new PracticeAreaPageViewModel(area, area.RenderedBody(), firm, others, shortForm));
    }
}
