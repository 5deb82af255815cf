using Microsoft.Extensions.Localization;
using PiriSite.Web.Services.Seo;

namespace PiriSite.Web.ViewModels;

public sealed record PracticeAreaIndexViewModel(PageContext Page, FirmProfile Firm, IReadOnlyList<PracticeAreaListItem> PracticeAreas)
    : IPublicPage;

public sealed record PracticeAreaPageViewModel(
    PageContext Page,
    PracticeArea Area,
    RenderedMarkdown Body,
    FirmProfile Firm,
    IReadOnlyList<PracticeAreaListItem> OtherAreas,
    ConsultationFormContext ShortForm) : IPublicPage
{
    /// <summary>
    /// A practice area's page, public or previewed by staff: the other public areas beside it, and the short form
    /// (the shared, cacheable one) with this area chosen. The trail is in the page's language, its names from
    /// <paramref name="text"/> (English without one).
    /// </summary>
    public static PracticeAreaPageViewModel Create(
        PageContext page, PracticeArea area, RenderedMarkdown body, FirmProfile firm, ConsultationNoticeVersion? notice,
        IEnumerable<PracticeAreaListItem> publicAreas, string path, IStringLocalizer? text = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(area);
        var others = publicAreas.Where(a => a.Slug != area.Slug).ToList();
        var shortForm = new ConsultationFormContext(
            ConsultationFormViewModel.Shared(area.TranslationKey, path), [], firm, notice, ShowErrorSummary: false, Compact: true);
        var language = page.Language;
        Breadcrumb[] trail =
        [
            new(text?["Home"] ?? "Home", SitePaths.Home(language)),
            new(text?["Practice areas"] ?? "Practice Areas", SitePaths.Section(language, SiteSection.PracticeAreas)),
            new(area.Name, SitePaths.PracticeArea(language, area.Slug)),
        ];
        return new PracticeAreaPageViewModel(page with { Breadcrumbs = trail, Section = SiteSection.PracticeAreas }, area, body, firm, others, shortForm);
    }
}
