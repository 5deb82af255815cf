using System.Text.Json.Nodes;
using PiriSite.Web.Services.Seo;

namespace PiriSite.Web.ViewModels;

/// <summary>The same page in one language, at its own address (a path, e.g. "/es/areas-de-practica/asilo").</summary>
public sealed record PageAlternate(SiteLanguage Language, string Path);

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

    public string OpenGraphLocale => Language.OpenGraphLocale;

    public string FirmName => Firm?.FirmName ?? FallbackFirmName;

    public string FullTitle =>
        string.IsNullOrEmpty(Title) ? FirmName
        : Title.Contains(FirmName, StringComparison.Ordinal) ? Title
        : $"{Title} | {FirmName}";

    public string MetaDescription => Description ?? Firm?.ConsultationOfferText ?? "";

    /// <summary>The title a shared link shows (og:title, twitter:title): the page's own, without the firm's name added.</summary>
    public string ShareTitle => Title ?? FirmName;

    public string SocialCardUrl => $"{Origin}/{SocialCard.FileName}";

    public string SocialCardAlt => Firm is null ? FirmName : $"{FirmName}: {Firm.ConsultationOfferTitle}, {Firm.Phone}";

    /// <summary>The schema.org nodes: the firm on every page, then the article and the breadcrumb trail if any.</summary>
    public IReadOnlyList<JsonObject> StructuredDataNodes()
    {
        var nodes = new List<JsonObject>();
        if (Firm is not null)
        {
            nodes.Add(StructuredData.Firm(Firm, Origin));
        }

        if (Article is not null)
        {
            nodes.AddRange(StructuredData.Article(Article, CanonicalUrl, Origin));
        }

        if (Breadcrumbs.Count > 0)
        {
            nodes.Add(StructuredData.Breadcrumbs(Origin, Breadcrumbs));
        }

        return nodes;
    }
}
