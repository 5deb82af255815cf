using PiriSite.Domain.Content;

namespace PiriSite.Web.ViewModels;

public sealed record PracticeAreaIndexViewModel(FirmProfile Firm, IReadOnlyList<PracticeAreaListItem> PracticeAreas);

public sealed record PracticeAreaPageViewModel(
    PracticeArea Area,
    RenderedMarkdown Body,
    FirmProfile Firm,
    IReadOnlyList<PracticeAreaListItem> OtherAreas,
    ConsultationFormContext ShortForm);
