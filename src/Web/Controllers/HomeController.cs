using Microsoft.AspNetCore.OutputCaching;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Services.Seo;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

public sealed class HomeController(
    PublicContentService content,
    FirmProfileService firmProfile,
    PageContextFactory pages) : Controller
{
    private const int LatestArticleCount = 3;

    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag, PublicPageCache.PracticeAreasTag])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        var areas = await content.ListPracticeAreasAsync(cancellationToken);
        var articles = await content.ListArticlesAsync(LatestArticleCount, cancellationToken);
        var page = pages.For(Request, firm,
            $"{firm.FirmName} | Immigration Attorney in {firm.ServiceArea}",
            $"Immigration attorney {firm.AttorneyName} helps families in {firm.ServiceArea} with deportation defense, asylum, green cards and visas. {firm.ConsultationOfferTitle}: {firm.Phone}.");
        return View(new HomeViewModel(page, firm, areas, articles));
    }

    [HttpGet("about")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> About(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        return ContentPage(firm, $"About {firm.FirmName}",
            $"{firm.FirmName}: immigration attorney {firm.AttorneyName} in {firm.ServiceArea}. {string.Join(", ", firm.LanguagesSpoken)} spoken.",
            firm.AboutHtml);
    }

    [HttpGet("privacy")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Privacy(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        return ContentPage(firm, "Privacy Policy",
            $"How {firm.FirmName} collects, uses and protects the information you share through this website.",
            firm.PrivacyHtml);
    }

    [HttpGet("disclaimer")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Disclaimer(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        return ContentPage(firm, "Legal Disclaimer",
            $"Attorney advertising, general information not legal advice, and no attorney-client relationship: the terms of {firm.FirmName}'s website.",
            firm.DisclaimerHtml);
    }

    // The HTML was rendered from the Markdown when the profile was saved.
    private ViewResult ContentPage(FirmProfile firm, string title, string description, string bodyHtml) =>
        View("ContentPage", new ContentPageViewModel(pages.For(Request, firm, title, description), title, new RenderedMarkdown(bodyHtml, [])));
}
