using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Controllers;

[Route("admin/articles")]
public sealed class ArticlesAdminController(ContentQueryService content, ContentEditingService editing, TimeProvider clock)
    : ContentAdminController<Article>(content, editing, clock)
{
    protected override ContentSection Section => ContentSection.Articles;
}
