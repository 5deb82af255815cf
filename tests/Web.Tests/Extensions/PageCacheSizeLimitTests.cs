using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Extensions;

/// <summary>OutputCache:SizeLimitMB bounds the memory cached pages take, however many pages are visited.</summary>
public sealed class PageCacheSizeLimitTests
{
    private const int Articles = 40;

    [Fact]
    public async Task PagesPastTheLimitAreNotAllKept()
    {
        // Each article page is about 60 KB uncompressed: 40 of them are about 2.4 MB, over a 1 MB limit.
        using var limited = new SiteFactory(new Dictionary<string, string?> { ["OutputCache:SizeLimitMB"] = "1" });
        using var unlimited = new SiteFactory();

        var keptUnderLimit = await CachedAfterVisitingAsync(limited);
        var keptWithout = await CachedAfterVisitingAsync(unlimited);

        Assert.Equal(Articles, keptWithout);
        Assert.InRange(keptUnderLimit, 1, Articles - 5);
    }

    // Visits every article page once (no compression asked: the largest copy), then counts those answered from the
    // cache, the most recent first (a page missing from a full cache is stored in place of the least recently used).
    private static async Task<int> CachedAfterVisitingAsync(SiteFactory site)
    {
        await ManyArticles.AddAsync(site, Articles, "sized", bodyLength: 40_000);
        using var visitor = site.CreateClient();
        var paths = Enumerable.Range(1, Articles).Select(n => $"/articles/sized-{n}").ToList();
        foreach (var path in paths)
        {
            Assert.True((await visitor.GetAsync(path)).IsSuccessStatusCode);
        }

        var cached = 0;
        foreach (var path in Enumerable.Reverse(paths))
        {
            cached += (await visitor.GetAsync(path)).Headers.Age is null ? 0 : 1;
        }

        return cached;
    }
}
