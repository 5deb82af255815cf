using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PiriSite.Domain.Content;
using PiriSite.Web.Services;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

public sealed class HomeController(
    PublicContentService content,
    FirmProfileService firmProfile) : Controller
{
    private const int LatestArticleCount = 3;

    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag, PublicPageCache.PracticeAreasTag])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        var areas = await content.ListPracticeAreasAsync(cancellationToken);
        var articles = await content.ListArticlesAsync(LatestArticleCount, cancellationToken);
        return View(new HomeViewModel(firm, areas, articles));
    }

    [HttpGet("about")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> About(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        return ContentPage($"About {firm.FirmName}",
            $"{firm.FirmName}: immigration attorney {firm.AttorneyName} in {firm.ServiceArea}. {string.Join(", ", firm.LanguagesSpoken)} spoken.",
            firm.AboutHtml);
    }

    [HttpGet("privacy")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Privacy(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        return ContentPage("Privacy Policy",
            $"How {firm.FirmName} collects, uses and protects the information you share through this website.",
            firm.PrivacyHtml);
    }

    [HttpGet("disclaimer")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Disclaimer(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        return ContentPage("Legal Disclaimer",
            $"Attorney advertising, general information not legal advice, and no attorney-client relationship: the terms of {firm.FirmName}'s website.",
            firm.DisclaimerHtml);
    }

    // The HTML was rendered from the Markdown when the profile was saved.
    private ViewResult ContentPage(string title, string description, string bodyHtml) =>
        View("ContentPage", new ContentPageViewModel(title, description, new RenderedMarkdown(bodyHtml, [])));
}
