using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Controllers;

[Route("admin/practice-areas")]
public sealed class PracticeAreasAdminController(ContentQueryService content, ContentEditingService editing, TimeProvider clock)
    : ContentAdminController<PracticeArea>(content, editing, clock)
{
    protected override ContentSection Section { get; } =
        new(ContentKind.PracticeArea, "/admin/practice-areas", "Practice areas", "practice area", "Name");
}
