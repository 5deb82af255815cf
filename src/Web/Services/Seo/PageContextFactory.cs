using PiriSite.Web.Extensions;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Services.Seo;

/// <summary>Starts a page's <see cref="PageContext"/>: the public origin, its canonical address and the year.</summary>
public sealed class PageContextFactory(IOptions<SiteOptions> site, TimeProvider clock)
{
    public PageContext For(HttpRequest request, FirmProfile? firm, string title, string description)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new PageContext
        {
            Firm = firm,
            Title = title,
            Description = description,
            Origin = site.Value.PublicOrigin,
            CanonicalUrl = request.CanonicalUrl(site.Value),
            Year = clock.GetUtcNow().Year,
        };
    }
}
