using PiriSite.Domain.Content;

namespace PiriSite.Web.ViewModels;

public sealed record HomeViewModel(
    FirmProfile Firm,
    IReadOnlyList<PracticeAreaListItem> PracticeAreas,
    IReadOnlyList<ArticleListItem> LatestArticles);
