using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Content;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Services.Caching;

/// <summary>The content kept in memory: no bodies, and after a save only what changed is read again.</summary>
public sealed class PublishedContentTests : IAsyncLifetime, IDisposable
{
    private readonly SiteFactory _site = new();
    private IReadOnlyList<int> _ids = [];

    public async Task InitializeAsync() => _ids = await ManyArticles.AddAsync(_site, 3, "held");

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task ASaveReloadsOnlyTheRowItChanged()
    {
        var content = _site.Services.GetRequiredService<PublishedContent>();
        var cache = _site.Services.GetRequiredService<PublicPageCache>();
        Assert.Equal("held title 2", (await content.GetAsync()).In(SiteLanguage.English).ArticlesBySlug["held-2"].Title);

        // Two rows change in the database; the site is told of one, as the editor tells it of the row it saved.
        await RetitleAsync(_ids[0], "First, saved");
        await RetitleAsync(_ids[1], "Second, changed behind the site's back");
        await cache.PageSavedAsync(ContentKind.Article, _ids[0], "held-1");

        var english = (await content.GetAsync()).In(SiteLanguage.English);
        Assert.Equal("First, saved", english.ArticlesBySlug["held-1"].Title);
        // Not read again: proof that the reload did not read every row.
        Assert.Equal("held title 2", english.ArticlesBySlug["held-2"].Title);
        Assert.Equal(4, english.Articles.Count);
    }

    [Fact]
    public async Task ASavedRowThatLeftThePublicSiteLeavesTheCopyAndItsNewAddressIsKnown()
    {
        var content = _site.Services.GetRequiredService<PublishedContent>();
        var cache = _site.Services.GetRequiredService<PublicPageCache>();
        await content.GetAsync();
        await using (var scope = _site.CreateDbScope())
        {
            var draft = await scope.Db.Articles.SingleAsync(a => a.Id == _ids[2]);
            draft.Status = ContentStatus.Draft;
            var renamed = await scope.Db.Articles.SingleAsync(a => a.Id == _ids[1]);
            renamed.Slug = "held-2-renamed";
            scope.Db.SlugRedirects.Add(new SlugRedirect { Kind = ContentKind.Article, Culture = SiteCulture.English, OldSlug = "held-2", ContentId = renamed.Id });
            await scope.Db.SaveChangesAsync();
        }

        await cache.PageSavedAsync(ContentKind.Article, _ids[2], "held-3");
        await cache.PageSavedAsync(ContentKind.Article, _ids[1], "held-2");

        var english = (await content.GetAsync()).In(SiteLanguage.English);
        Assert.False(english.ArticlesBySlug.ContainsKey("held-3"));
        Assert.True(english.ArticlesBySlug.ContainsKey("held-2-renamed"));
        Assert.Contains(english.Redirects, r => r.OldSlug == "held-2" && r.ContentId == _ids[1]);
        using var client = _site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri(SiteFactory.BaseAddress) });
        Assert.Equal("/articles/held-2-renamed", (await client.GetAsync("/articles/held-2")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task APageThatTakesAnotherPagesOldAddressIsServedThereNotTheOldRedirect()
    {
        var cache = _site.Services.GetRequiredService<PublicPageCache>();
        await using (var scope = _site.CreateDbScope())
        {
            var renamed = await scope.Db.Articles.SingleAsync(a => a.Id == _ids[1]);
            renamed.Slug = "held-2-renamed";
            scope.Db.SlugRedirects.Add(new SlugRedirect { Kind = ContentKind.Article, Culture = SiteCulture.English, OldSlug = "held-2", ContentId = renamed.Id });
            await scope.Db.SaveChangesAsync();
        }

        await cache.PageSavedAsync(ContentKind.Article, _ids[1], "held-2");
        await _site.Services.GetRequiredService<PublishedContent>().GetAsync();
        // Another page takes the old address: the editor deletes the redirect that was there (MoveSlugAsync).
        await using (var scope = _site.CreateDbScope())
        {
            var taker = await scope.Db.Articles.SingleAsync(a => a.Id == _ids[2]);
            taker.Slug = "held-2";
            scope.Db.SlugRedirects.RemoveRange(scope.Db.SlugRedirects.Where(r => r.OldSlug == "held-2"));
            await scope.Db.SaveChangesAsync();
        }

        await cache.PageSavedAsync(ContentKind.Article, _ids[2], "held-3");

        using var client = _site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri(SiteFactory.BaseAddress) });
        var response = await client.GetAsync("/articles/held-2");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("held title 3", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARowTakenOffTheSiteIsNotShownEvenBeforeTheCopyHearsOfIt()
    {
        await _site.Services.GetRequiredService<PublishedContent>().GetAsync();
        await using (var scope = _site.CreateDbScope())
        {
            (await scope.Db.Articles.SingleAsync(a => a.Id == _ids[0])).Status = ContentStatus.Draft;
            await scope.Db.SaveChangesAsync();
        }

        using var client = _site.CreateClient();

        // The copy in memory still lists it (nobody said it changed); its row is read with the page and says no.
        Assert.True((await _site.Services.GetRequiredService<PublishedContent>().GetAsync()).In(SiteLanguage.English).ArticlesBySlug.ContainsKey("held-1"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/articles/held-1")).StatusCode);
    }

    [Fact]
    public async Task NoBodyIsHeldInMemory()
    {
        var content = _site.Services.GetRequiredService<PublishedContent>();

        var snapshot = await content.GetAsync();

        // The type has no place for one: a page's body is read when the page is rendered.
        Assert.DoesNotContain(typeof(PublishedPage).GetProperties(), p => p.Name.Contains("Body", StringComparison.Ordinal));
        Assert.NotEmpty(snapshot.In(SiteLanguage.Spanish).Articles);
    }

    [Fact]
    public async Task ASaveEvictsItsPageAndTheListsButNotTheOtherArticles()
    {
        var cache = _site.Services.GetRequiredService<PublicPageCache>();
        using var visitor = _site.CreateClient();
        string[] paths = ["/articles/held-1", "/articles/held-2", "/articles"];
        foreach (var path in paths)
        {
            await visitor.GetAsync(path);
            Assert.NotNull((await visitor.GetAsync(path)).Headers.Age);
        }

        await cache.PageSavedAsync(ContentKind.Article, _ids[0], "held-1");

        Assert.Null((await visitor.GetAsync("/articles/held-1")).Headers.Age);
        Assert.Null((await visitor.GetAsync("/articles")).Headers.Age);
        Assert.NotNull((await visitor.GetAsync("/articles/held-2")).Headers.Age);
    }

    private async Task RetitleAsync(int id, string title)
    {
        await using var scope = _site.CreateDbScope();
        var article = await scope.Db.Articles.SingleAsync(a => a.Id == id);
        article.Title = title;
        await scope.Db.SaveChangesAsync();
    }
}
