using System.Text.Json.Nodes;
using PiriSite.Web.Services.Seo;

namespace PiriSite.Web.ViewModels;

/// <summary>The same page in one language, at its own address (a path, e.g. "/es/areas-de-practica/asilo").</summary>
public sealed record PageAlternate(SiteLanguage Language, string Path)
{
    /// <summary>A page that exists in every language: the home page (null) or a section (index, about, privacy…).</summary>
    public static IReadOnlyList<PageAlternate> InEveryLanguage(SiteSection? section) =>
        [.. SiteLanguage.All.Select(l => new PageAlternate(l, section is { } s ? SitePaths.Section(l, s) : SitePaths.Home(l)))];
}

/// <summary>One entry of the language switcher: where it leads, and whether it is the page being read.</summary>
public sealed record LanguageLink(SiteLanguage Language, string Path, bool IsCurrent);

/// <summary>One &lt;link rel="alternate" hreflang&gt;: a language code (or "x-default") and an absolute address.</summary>
public sealed record HreflangLink(string Hreflang, string Href);

/// <summary>A page drawn in the public layout: its view model carries what the layout needs.</summary>
public interface IPublicPage
{
    PageContext Page { get; }
}

/// <summary>
/// What the public layout reads of a page: the firm's profile (fetched once, by the controller), the head (title,
/// description, canonical address, robots, link previews, structured data) and which bands it shows. The one
/// place a page's language-dependent head data lives. Built by <see cref="PageContextFactory"/>.
/// </summary>
public sealed record PageContext
{
    // Shown when the profile could not be read (an error page while the database is failing).
    private const string FallbackFirmName = "The Piri Law Firm";

    /// <summary>Null only on an error page when the profile could not be read: the page renders without it.</summary>
    public FirmProfile? Firm { get; init; }

    public string? Title { get; init; }
    public string? Description { get; init; }
    public required string Origin { get; init; }
    public required string CanonicalUrl { get; init; }

    /// <summary>The year in the footer's copyright line, from the site's clock.</summary>
    public required int Year { get; init; }

    /// <summary>Kept out of search results: no canonical link, link preview or structured data either.</summary>
    public bool NoIndex { get; init; }

    /// <summary>Pages that are themselves the consultation form (or its answer) leave out the band that links to it.</summary>
    public bool HideCtaBand { get; init; }

    /// <summary>Staff previewing a page that is not (or not yet) public see this above it.</summary>
    public string? PreviewBanner { get; init; }

    public IReadOnlyList<Breadcrumb> Breadcrumbs { get; init; } = [];

    /// <summary>An article page: its dates and author in the link preview and its JSON-LD.</summary>
    public Article? Article { get; init; }

    /// <summary>The page's language: from its address (see PathRequestCultureProvider), never from the visitor.</summary>
    public SiteLanguage Language { get; init; } = SiteLanguage.English;

    /// <summary>
    /// This page in every language it is published in, this one included: the hreflang links, og:locale:alternate
    /// and the language switcher's targets. Empty on pages that exist in one language only.
    /// </summary>
    public IReadOnlyList<PageAlternate> Alternates { get; init; } = [];

    /// <summary>
    /// The section a page belongs to (articles, practice areas): where the switcher leads in a language the page
    /// is not published in. Null for the others, whose switcher then leads to that language's home page.
    /// </summary>
    public SiteSection? Section { get; init; }

    /// <summary>
    /// Where the language switcher leads in a language missing from <see cref="Alternates"/> when that language has
    /// a page to offer that is not this one's translation (no hreflang, no "not translated yet" notice): a numbered
    /// page of a list leads to the same list's first page, whose pages differ between languages.
    /// </summary>
    public IReadOnlyList<PageAlternate> SwitcherFallbacks { get; init; } = [];

    /// <summary>On a page of a paged list: the pages before and after it (rel="prev" and rel="next"), paths.</summary>
    public string? PreviousPagePath { get; init; }

    public string? NextPagePath { get; init; }

    /// <summary>The attorney's title in the page's language, for the structured data.</summary>
    public string AttorneyJobTitle { get; init; } = "Immigration Attorney";

    public string OpenGraphLocale => Language.OpenGraphLocale;

    /// <summary>og:locale:alternate: the locales of the page's other published languages.</summary>
    public IReadOnlyList<string> OpenGraphLocaleAlternates =>
        [.. Alternates.Where(a => a.Language != Language).Select(a => a.Language.OpenGraphLocale)];

    /// <summary>
    /// The hreflang links: every published language of the page (this one included) and x-default, the English
    /// one; none for a page that exists in one language only, or is kept out of search results.
    /// </summary>
    public IReadOnlyList<HreflangLink> HreflangLinks()
    {
        if (NoIndex || Alternates.Count < 2)
        {
            return [];
        }

        var links = Alternates.Select(a => new HreflangLink(a.Language.Code, Origin + a.Path)).ToList();
        if (Alternates.FirstOrDefault(a => a.Language.IsEnglish) is { } english)
        {
            links.Add(new HreflangLink("x-default", Origin + english.Path));
        }

        return links;
    }

    /// <summary>
    /// The language switcher, every language in the site's order: the page itself where it is published in that
    /// language (its translated slug); otherwise the page's fallback there, if it has one; otherwise that language's
    /// section index (or home page), at the notice saying the page is not translated yet. The page being read is marked current.
    /// </summary>
    public IReadOnlyList<LanguageLink> LanguageLinks() =>
    [
        .. SiteLanguage.All.Select(language =>
            language == Language ? new LanguageLink(language, Alternates.FirstOrDefault(a => a.Language == language)?.Path ?? "", true)
            : Alternates.FirstOrDefault(a => a.Language == language) is { } alternate ? new LanguageLink(language, alternate.Path, false)
            : SwitcherFallbacks.FirstOrDefault(a => a.Language == language) is { } fallback ? new LanguageLink(language, fallback.Path, false)
            : new LanguageLink(language, UntranslatedPath(language), false)),
    ];

    /// <summary>This language's Atom feed, linked from its pages.</summary>
    public string FeedPath => SitePaths.Feed(Language);

    public string FirmName => Firm?.FirmName ?? FallbackFirmName;

    public string FullTitle =>
        string.IsNullOrEmpty(Title) ? FirmName
        : Title.Contains(FirmName, StringComparison.Ordinal) ? Title
        : $"{Title} | {FirmName}";

    public string MetaDescription => Description ?? Firm?.ConsultationOfferText ?? "";

    /// <summary>The title a shared link shows (og:title, twitter:title): the page's own, without the firm's name added.</summary>
    public string ShareTitle => Title ?? FirmName;

    /// <summary>The link preview's picture in the page's language (its consultation offer, in words it reads).</summary>
    public string SocialCardUrl => $"{Origin}{Language.PathPrefix}/{SocialCard.FileName}";

    public string SocialCardAlt => Firm is null ? FirmName : $"{FirmName}: {Firm.ConsultationOfferTitle}, {Firm.Phone}";

    /// <summary>The schema.org nodes: the firm on every page, then the article and the breadcrumb trail if any.</summary>
    public IReadOnlyList<JsonObject> StructuredDataNodes()
    {
        var nodes = new List<JsonObject>();
        if (Firm is not null)
        {
            nodes.Add(StructuredData.Firm(Firm, Origin, AttorneyJobTitle));
        }

        if (Article is not null)
        {
            nodes.AddRange(StructuredData.Article(Article, CanonicalUrl, Origin));
        }
        else if (Firm is not null)
        {
            nodes.Add(StructuredData.WebPage(CanonicalUrl, Title ?? FirmName, Language.Code, Origin));
        }

        if (Breadcrumbs.Count > 0)
        {
            nodes.Add(StructuredData.Breadcrumbs(Origin, Breadcrumbs));
        }

        return nodes;
    }

    private string UntranslatedPath(SiteLanguage language) =>
        (Section is SiteSection.Articles or SiteSection.PracticeAreas ? SitePaths.Section(language, Section.Value) : SitePaths.Home(language))
        + "#untranslated";
}
