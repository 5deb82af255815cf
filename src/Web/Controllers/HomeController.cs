using Microsoft.AspNetCore.Mvc;
using PiriSite.Domain.Content;
using PiriSite.Web.Services;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

public sealed class HomeController(
    PublicContentService content,
    FirmProfileService firmProfile,
    MarkdownRenderer markdown) : Controller
{
    private const int LatestArticleCount = 3;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        var areas = await content.ListPracticeAreasAsync(cancellationToken);
        var articles = await content.ListArticlesAsync(LatestArticleCount, cancellationToken);
        return View(new HomeViewModel(firm, areas, articles));
    }

    [HttpGet("about")]
    public async Task<IActionResult> About(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        return ContentPage($"About {firm.FirmName}",
            $"{firm.FirmName}: immigration attorney {firm.AttorneyName} in {firm.ServiceArea}. {string.Join(", ", firm.LanguagesSpoken)} spoken.",
            firm.AboutMarkdown);
    }

    [HttpGet("privacy")]
    public async Task<IActionResult> Privacy(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        return ContentPage("Privacy Policy",
            $"How {firm.FirmName} collects, uses and protects the information you share through this website.",
            firm.PrivacyMarkdown);
    }

    [HttpGet("disclaimer")]
    public async Task<IActionResult> Disclaimer(CancellationToken cancellationToken)
    {
        var firm = await firmProfile.GetAsync(cancellationToken);
        return ContentPage("Legal Disclaimer",
            $"Attorney advertising, general information not legal advice, and no attorney-client relationship: the terms of {firm.FirmName}'s website.",
            firm.DisclaimerMarkdown);
    }

    private ViewResult ContentPage(string title, string description, string bodyMarkdown) =>
        View("ContentPage", new ContentPageViewModel(title, description, markdown.Render(bodyMarkdown)));
}
