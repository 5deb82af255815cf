namespace PiriSite.Web.ViewModels;

public sealed record ConsultationReceivedViewModel(PageContext Page, string Reference, FirmProfile Firm) : IPublicPage;
