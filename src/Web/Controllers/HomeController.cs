using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using PiriSite.Web.Localization;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Services.Seo;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

/// <summary>The home page and the firm's own pages (about, privacy, disclaimer), in the address's language.</summary>
[LocalizedRoutes]
public sealed class HomeController(
    PublicContentService content,
    FirmProfileService firmProfile,
    PageContextFactory pages,
    IStringLocalizer<SharedResource> text) : Controller
{
    private const int LatestArticleCount = 3;

    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag, PublicPageCache.PracticeAreasTag])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        var areas = await content.ListPracticeAreasAsync(cancellationToken);
        var articles = await content.ListLatestArticlesAsync(LatestArticleCount, cancellationToken);
        var page = pages.For(Request, firm,
            text["{0} | Immigration Attorney in {1}", firm.FirmName, firm.ServiceArea],
            text["Immigration attorney {0} helps families in {1} with deportation defense, asylum, green cards and visas. {2}: {3}.",
                firm.AttorneyName, firm.ServiceArea, firm.ConsultationOfferTitle, firm.Phone]);
        return View(new HomeViewModel(page, firm, areas, articles));
    }

    [HttpGet("about")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> About(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        return ContentPage(firm, text["About {0}", firm.FirmName],
            text["{0}: immigration attorney {1} in {2}. {3} spoken.",
                firm.FirmName, firm.AttorneyName, firm.ServiceArea, string.Join(", ", firm.LanguagesSpoken)],
            firm.AboutHtml);
    }

    [HttpGet("privacy")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Privacy(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        return ContentPage(firm, text["Privacy policy"],
            text["How {0} collects, uses and protects the information you share through this website.", firm.FirmName],
            firm.PrivacyHtml);
    }

    [HttpGet("disclaimer")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Disclaimer(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        return ContentPage(firm, text["Legal Disclaimer"],
            text["Attorney advertising, general information not legal advice, and no attorney-client relationship: the terms of {0}'s website.", firm.FirmName],
            firm.DisclaimerHtml);
    }

    // The HTML was rendered from the Markdown when the profile was saved.
    private ViewResult ContentPage(FirmProfile firm, string title, string description, string bodyHtml) =>
        View("ContentPage", new ContentPageViewModel(pages.For(Request, firm, title, description), title, new RenderedMarkdown(bodyHtml, [])));
}
