using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Controllers;

[Route("admin/practice-areas")]
public sealed class PracticeAreasAdminController(ContentQueryService content, ContentEditingService editing, TimeProvider clock)
    : ContentAdminController<PracticeArea>(content, editing, clock)
{
    protected override ContentSection Section => ContentSection.PracticeAreas;
}
