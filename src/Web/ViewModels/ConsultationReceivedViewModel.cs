using PiriSite.Domain.Content;

namespace PiriSite.Web.ViewModels;

public sealed record ConsultationReceivedViewModel(string Reference, FirmProfile Firm);
