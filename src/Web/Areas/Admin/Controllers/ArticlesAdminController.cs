using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Controllers;

[Route("admin/articles")]
public sealed class ArticlesAdminController(ContentQueryService content, ContentEditingService editing, TopicService topics, TimeProvider clock)
    : ContentAdminController<Article>(content, editing, clock)
{
    protected override ContentSection Section => ContentSection.Articles;

    // Articles are filed under topics of their own language.
    protected override async Task<IReadOnlyList<TopicChoice>?> TopicChoicesAsync(string culture) => await topics.ChoicesAsync(culture);

    protected override Task<IReadOnlyList<int>> TopicsOfAsync(int id) => topics.TopicsOfAsync(id);
}
