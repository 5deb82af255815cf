namespace PiriSite.Web.ViewModels;

/// <summary>A page of the firm's profile (about, privacy, disclaimer): a title and its rendered Markdown.</summary>
public sealed record ContentPageViewModel(PageContext Page, string Title, RenderedMarkdown Body) : IPublicPage;
