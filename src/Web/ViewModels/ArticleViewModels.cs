using PiriSite.Domain.Content;

namespace PiriSite.Web.ViewModels;

public sealed record ArticleIndexViewModel(IReadOnlyList<ArticleListItem> Articles);

public sealed record ArticlePageViewModel(Article Article, RenderedMarkdown Body, FirmProfile Firm, ConsultationFormContext ShortForm);
