using Microsoft.AspNetCore.Mvc;
using PiriSite.Web.Services;
using PiriSite.Web.ViewModels;

namespace PiriSite.Web.Controllers;

[Route("consultation")]
public sealed class ConsultationController(FirmProfileService firmProfile) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new ConsultationViewModel(await firmProfile.GetAsync(cancellationToken)));
}
