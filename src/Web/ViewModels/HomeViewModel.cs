namespace PiriSite.Web.ViewModels;

public sealed record HomeViewModel(
    PageContext Page,
    FirmProfile Firm,
    IReadOnlyList<PracticeAreaListItem> PracticeAreas,
    IReadOnlyList<ArticleListItem> LatestArticles) : IPublicPage;
