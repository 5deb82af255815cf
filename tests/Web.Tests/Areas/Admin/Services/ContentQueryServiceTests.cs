using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Content;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin.Services;

public sealed class ContentQueryServiceTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private async Task<T> QueryAsync<T>(Func<ContentQueryService, Task<T>> query)
    {
        await using var scope = site.CreateDbScope();
        return await query(scope.Services.GetRequiredService<ContentQueryService>());
    }

    [Fact]
    public async Task PracticeAreasAreFoundByTheirNameAndArticlesByTheirTitle()
    {
        var areas = await QueryAsync(async q => (await q.ListAsync<PracticeArea>("asylum", deleted: false)).Rows);
        var articles = await QueryAsync(async q => (await q.ListAsync<Article>("287(g)", deleted: false)).Rows);

        Assert.Contains(areas, row => row.Slug == "asylum" && row.State == PublicationState.Published);
        Assert.DoesNotContain(areas, row => row.Slug == "family-immigration");
        Assert.Contains(articles, row => row.Slug == "what-is-the-ice-287g-program");
        Assert.Empty((await QueryAsync(q => q.ListAsync<Article>(null, deleted: true))).Rows);
    }

    [Fact]
    public async Task AnItemThatIsNotThereHasNoHistoryAndNoRevisionToCompare()
    {
        Assert.Null(await QueryAsync(q => q.FindAsync<Article>(int.MaxValue)));
        Assert.Null(await QueryAsync(q => q.HistoryAsync<PracticeArea>(int.MaxValue)));
        Assert.Null(await QueryAsync(q => q.CompareAsync<Article>(int.MaxValue, 1, null)));
    }
}
