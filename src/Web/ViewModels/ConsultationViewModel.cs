using PiriSite.Domain.Content;

namespace PiriSite.Web.ViewModels;

public sealed record ConsultationViewModel(FirmProfile Firm);
