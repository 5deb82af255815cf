using Microsoft.AspNetCore.OutputCaching;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Services.Seo;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

[Route("practice-areas")]
public sealed class PracticeAreasController(
    PublicContentService content,
    FirmProfileService firmProfile,
    PageContextFactory pages) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.PracticeAreasTag])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        var page = pages.For(Request, firm, "Immigration Practice Areas",
            $"{firm.PracticeAreasTagline} in {firm.ServiceArea}: cancellation of removal, asylum, green cards, family visas, TPS, DACA and more.");
        return View(new PracticeAreaIndexViewModel(page, firm, await content.ListPracticeAreasAsync(cancellationToken)));
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
        var page = pages.For(Request, firm, area.PageTitle, area.PageDescription);
        return View(PracticeAreaPageViewModel.Create(
            page, area, area.RenderedBody(), firm, await content.ListPracticeAreasAsync(cancellationToken), Request.Path));
    }
}
