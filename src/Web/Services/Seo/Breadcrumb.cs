namespace PiriSite.Web.Services.Seo;

/// <summary>One step of a page's place in the site: shown as the breadcrumb and written as BreadcrumbList data.</summary>
public sealed record Breadcrumb(string Name, string Path);
