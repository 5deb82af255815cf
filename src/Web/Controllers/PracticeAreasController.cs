using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using PiriSite.Web.Localization;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Services.Consultations;
using PiriSite.Web.Services.Seo;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

/// <summary>The practice areas and their list, in the address's language.</summary>
[Route("practice-areas")]
[LocalizedRoutes]
public sealed class PracticeAreasController(
    PublicContentService content,
    FirmProfileService firmProfile,
    ConsultationNotices notices,
    PageContextFactory pages,
    IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.PracticeAreasTag])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        var page = pages.For(Request, firm, text["Immigration Practice Areas"],
            text["{0} in {1}: cancellation of removal, asylum, green cards, family visas, TPS, DACA and more.", firm.PracticeAreasTagline, firm.ServiceArea])
            with { Section = SiteSection.PracticeAreas };
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
                ? RedirectPermanent(SitePaths.PracticeArea(SiteLanguage.Current, moved))
                : NotFound();
        }

        var firm = await firmProfile.GetAsync(cancellationToken);
        var page = pages.For(Request, firm, area.PageTitle, area.PageDescription) with
        {
            Alternates = await content.ListTranslationsAsync(ContentKind.PracticeArea, area.TranslationKey, cancellationToken),
        };
        return View(PracticeAreaPageViewModel.Create(
            page, area, area.RenderedBody(), firm, await notices.CurrentAsync(SiteLanguage.Current, cancellationToken),
            await content.ListPracticeAreasAsync(cancellationToken), Request.Path, text));
    }
}
