using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Advertising;
using PiriSite.Domain.Content;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Services.Advertising;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Services.Advertising;

/// <summary>
/// The worker as it runs in production: in the background, on Kestrel, fetching pages over loopback from the
/// server's own address with the public Host. The site starts with an empty archive, so it archives every page first.
/// </summary>
public sealed class AdvertisingCaptureOnKestrelTests : IDisposable
{
    private readonly SiteFactory _site = new(new Dictionary<string, string?> { ["Advertising:ArchiveSiteOnStart"] = "true" });

    public AdvertisingCaptureOnKestrelTests()
    {
        _site.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _site.StartServer();
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task OnStartTheArchiveTakesEveryPublicPageInEveryLanguageOnceOverLoopback()
    {
        var snapshots = await WaitUntilAllCapturedAsync(s => s.Reason == AdvertisingCaptureWorker.StartReason);

        Assert.All(SiteLanguage.All, language =>
        {
            var home = Assert.Single(snapshots, s => s.PageKind == AdvertisedPageKind.Home && s.Culture == language.Code);
            Assert.Equal(SitePaths.Home(language), home.Path);
        });
        Assert.Contains(snapshots, s => s.PageKind == AdvertisedPageKind.Article && s.Culture == SiteCulture.English);
        Assert.Contains(snapshots, s => s.PageKind == AdvertisedPageKind.PracticeArea && s.Culture == SiteCulture.Spanish);
        Assert.All(snapshots, s => Assert.Equal(AdvertisingFilingState.NeedsFiling, s.FilingState));
        var disclaimer = PageSnapshotter.Decompress(snapshots.First(s => s.PageKind == AdvertisedPageKind.Disclaimer).Html!);
        Assert.Contains("<style>", disclaimer, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", disclaimer, StringComparison.Ordinal);

        // Started once: a restart does not archive the whole site again.
        Assert.Equal(0, await _site.Services.GetRequiredService<AdvertisingCaptureWorker>().ArchiveStartAsync());
    }

    [Fact]
    public async Task APublicationIsCapturedInTheBackgroundRightAfterItsSave()
    {
        await WaitUntilAllCapturedAsync(s => true);
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<ContentEditingService>()
                .SaveAsync<Article>(null, 0, ArchiveSite.Page("Archived On Kestrel", "Served over loopback."), ArchiveSite.Actor);
            Assert.True(outcome.Saved);
        }

        var snapshots = await WaitUntilAllCapturedAsync(s => s.PageKey == "Article:archived-on-kestrel");

        var snapshot = Assert.Single(snapshots);
        Assert.Equal("/articles/archived-on-kestrel", snapshot.Path);
        Assert.Contains("Served over loopback.", snapshot.Text, StringComparison.Ordinal);
    }

    // The background worker's work is done when the matching entries exist and none is waiting for its capture.
    private async Task<List<AdvertisingSnapshot>> WaitUntilAllCapturedAsync(Func<AdvertisingSnapshot, bool> matching)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await using var scope = _site.CreateDbScope();
            var snapshots = (await scope.Db.AdvertisingSnapshots.AsNoTracking().ToListAsync()).Where(matching).ToList();
            if (snapshots.Count > 0 && snapshots.All(s => s.IsCaptured))
            {
                return snapshots;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{snapshots.Count(s => !s.IsCaptured)} of {snapshots.Count} entries still not captured.");
            await Task.Delay(100);
        }
    }
}
