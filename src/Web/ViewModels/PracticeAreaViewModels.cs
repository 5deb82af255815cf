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
    /// (the shared, cacheable one) with this area chosen.
    /// </summary>
    public static PracticeAreaPageViewModel Create(
        PageContext page, PracticeArea area, RenderedMarkdown body, FirmProfile firm, IEnumerable<PracticeAreaListItem> publicAreas, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(area);
        var others = publicAreas.Where(a => a.Slug != area.Slug).ToList();
        var shortForm = new ConsultationFormContext(
            ConsultationFormViewModel.Shared(area.TranslationKey, path), [], firm, ShowErrorSummary: false, Compact: true);
        Breadcrumb[] trail = [new("Home", "/"), new("Practice Areas", "/practice-areas"), new(area.Name, $"/practice-areas/{area.Slug}")];
        return new PracticeAreaPageViewModel(page with { Breadcrumbs = trail }, area, body, firm, others, shortForm);
    }
}
