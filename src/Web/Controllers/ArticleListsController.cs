using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using PiriSite.Web.Extensions;
using PiriSite.Web.Localization;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Services.Consultations;
using PiriSite.Web.Services.Seo;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

/// <summary>
/// The article indexes in the address's language, 20 a page, newest first: every article ("/articles",
/// "/articles/page/2") and each topic's ("/articles/topics/asylum").
/// </summary>
[Route("articles")]
[LocalizedRoutes]
public sealed class ArticleListsController(
    PublicContentService content,
    FirmProfileService firmProfile,
    PageContextFactory pages,
    IStringLocalizer<SharedResource> text) : Controller
{
    private const string IndexView = "~/Views/Articles/Index.cshtml";

    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag])]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => IndexPageAsync(1, cancellationToken);

    /// <summary>Page 2 onwards of the index ("/articles/page/2"); page 1 lives at the index's own address.</summary>
    [HttpGet("page/{number:int}")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag])]
    public Task<IActionResult> IndexPage(int number, CancellationToken cancellationToken) => IndexPageAsync(number, cancellationToken);

    /// <summary>The articles filed under one topic, newest first, 20 a page.</summary>
    [HttpGet("topics/{slug}")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag])]
    public Task<IActionResult> Topic(string slug, CancellationToken cancellationToken) => TopicPageAsync(slug, 1, cancellationToken);

    [HttpGet("topics/{slug}/page/{number:int}")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName, Tags = [PublicPageCache.ArticlesTag])]
    public Task<IActionResult> TopicPage(string slug, int number, CancellationToken cancellationToken) => TopicPageAsync(slug, number, cancellationToken);

    private async Task<IActionResult> IndexPageAsync(int number, CancellationToken cancellationToken)
    {
        var list = await content.ListArticlesAsync(number, cancellationToken);
        if (list is null)
        {
            return NotFound();
        }

        var language = SiteLanguage.Current;
        var heading = text["Immigration articles"];
        return await ListViewAsync(list, SitePaths.Section(language, SiteSection.Articles), heading,
            text["Plain-language explanations of immigration law and enforcement, for immigrants and their families."],
            text["Plain-language explanations of U.S. immigration law and enforcement from The Piri Law Firm."], topic: null, alternates: null, cancellationToken);
    }

    private async Task<IActionResult> TopicPageAsync(string slug, int number, CancellationToken cancellationToken)
    {
        var language = SiteLanguage.Current;
        if (await content.FindTopicAsync(slug, cancellationToken) is not { } topic)
        {
            // A renamed topic's old address leads to the same page at its new one, where that page exists.
            return await content.FindMovedTopicAsync(slug, cancellationToken) is { } renamed
                && await content.ListTopicArticlesAsync(renamed, number, cancellationToken) is { Paging.Total: > 0 }
                ? RedirectPermanent(SitePaths.Paged(language, SitePaths.Topic(language, renamed.Slug), number))
                : NotFound();
        }

        // A topic with no public article in this language has no page (nor a place in the sitemap or the topic links).
        if (await content.ListTopicArticlesAsync(topic, number, cancellationToken) is not { Paging.Total: > 0 } list)
        {
            return NotFound();
        }

        var heading = text["Articles about {0}", topic.Name];
        var lead = topic.Description.Length > 0 ? topic.Description : text["Our articles filed under {0}, newest first.", topic.Name].Value;
        return await ListViewAsync(list, SitePaths.Topic(language, topic.Slug), heading, lead, lead, topic,
            await content.ListTopicTranslationsAsync(topic, cancellationToken), cancellationToken);
    }

    // An index page: page 1 is the list's own address (with its translations as alternates); the others are numbered,
    // each its own canonical address, linked to their neighbours with rel="prev"/"next".
    private async Task<IActionResult> ListViewAsync(
        ArticleListPage list, string listPath, string heading, string lead, string description, PublishedTopic? topic,
        IReadOnlyList<PageAlternate>? alternates, CancellationToken cancellationToken)
    {
        var language = SiteLanguage.Current;
        var paging = list.Paging;
        // One address per page: ".../page/1" is the list itself, and "/page/02" is "/page/2".
        var address = SitePaths.Paged(language, listPath, paging.Number);
        if (!string.Equals(Request.Path.Value?.TrimEnd('/'), address, StringComparison.OrdinalIgnoreCase))
        {
            return RedirectPermanent(address);
        }

        var title = paging.Number == 1 ? heading : text["{0}, page {1} of {2}", heading, paging.Number, paging.Count].Value;
        var page = pages.For(Request, await firmProfile.GetAsync(cancellationToken), title, description) with
        {
            Section = SiteSection.Articles,
            PreviousPagePath = paging.HasPrevious ? SitePaths.Paged(language, listPath, paging.Number - 1) : null,
            NextPagePath = paging.HasNext ? SitePaths.Paged(language, listPath, paging.Number + 1) : null,
        };
        if (alternates is not null && paging.Number == 1)
        {
            page = page with { Alternates = alternates };
        }

        // Numbered pages and topics differ between languages: where this page has no translation, the switcher leads
        // to the list's first page in that language (the topic's, where it has one; else the articles index), which
        // exists, rather than to the "not translated yet" notice.
        page = page with
        {
            SwitcherFallbacks =
            [
                .. SiteLanguage.All.Select(other => alternates?.FirstOrDefault(a => a.Language == other)
                    ?? new PageAlternate(other, SitePaths.Section(other, SiteSection.Articles))),
            ],
        };

        if (topic is not null)
        {
            page = page with
            {
                Breadcrumbs =
                [
                    new(text["Home"], SitePaths.Home(language)),
                    new(text["Articles"], SitePaths.Section(language, SiteSection.Articles)),
                    new(topic.Name, listPath),
                ],
            };
        }

        var topics = await content.ListTopicsAsync(cancellationToken);
        return View(IndexView, new ArticleIndexViewModel(page, heading, lead, list, listPath, topics, topic));
    }
}
