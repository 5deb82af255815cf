using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Advertising;
using PiriSite.Domain.Content;
using PiriSite.Web.Services.Advertising;
using PiriSite.Web.Services.Media;
using PiriSite.Web.Tests.Infrastructure;
using SkiaSharp;

namespace PiriSite.Web.Tests.Services.Advertising;

public sealed class AdvertisingCaptureTests(ArchiveSite site) : IClassFixture<ArchiveSite>
{
    [Fact]
    public async Task PublishingAnArticleArchivesItsPublicPageAsOneSelfContainedFile()
    {
        var outcome = await site.SaveAsync<Article>(null, 0, ArchiveSite.Page("Archived Asylum Basics", "Asylum **protects** people."));

        await site.CaptureDueAsync();

        var snapshot = Assert.Single(await site.SnapshotsAsync(AdvertisedPageKind.Article, outcome.Slug));
        var html = PageSnapshotter.Decompress(snapshot.Html!);
        var disclaimer = await DisclaimerAsync(SiteCulture.English);
        Assert.Equal(("/articles/archived-asylum-basics", AdvertisingFilingState.NeedsFiling, "Article published", "editor@pirisite.test"),
            (snapshot.Path, snapshot.FilingState, snapshot.Reason, snapshot.PublishedByName));
        Assert.StartsWith("Archived Asylum Basics", snapshot.Title, StringComparison.Ordinal);
        Assert.Contains("<h1>Archived Asylum Basics</h1>", html, StringComparison.Ordinal);
        Assert.Contains(disclaimer, html, StringComparison.Ordinal);
        Assert.Contains("Asylum protects people.", snapshot.Text, StringComparison.Ordinal);
        Assert.Contains(disclaimer, snapshot.Text, StringComparison.Ordinal);
        Assert.Equal(SnapshotText.Hash(snapshot.Text!), snapshot.TextHash);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // The stylesheet is inside the file, not linked; links to the site name its public address.
        Assert.DoesNotContain("rel=\"stylesheet\"", html, StringComparison.Ordinal);
        Assert.Matches("<style>[^<]*\\.site-footer", html);
        Assert.Contains("href=\"https://www.pirisite.test/articles\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"pirisite-archive\" content=\"captured ", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"icon\" href=\"data:image/svg+xml;base64,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnArticlesImagesAreInsideItsSnapshot()
    {
        var png = ImageSamples.Photo(SKEncodedImageFormat.Png, 1000, 500);
        MediaFile image;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var library = scope.ServiceProvider.GetRequiredService<MediaLibraryService>();
            image = (await library.UploadAsync(new MediaUpload(new MemoryStream(png), png.Length, "The archived lobby"), ArchiveSite.Actor)).Uploaded!;
        }

        var outcome = await site.SaveAsync<Article>(null, 0, ArchiveSite.Page("Archived Picture", $"Our office.\n\n{image.Markdown}"));
        await site.CaptureDueAsync();

        var html = PageSnapshotter.Decompress(Assert.Single(await site.SnapshotsAsync(AdvertisedPageKind.Article, outcome.Slug)).Html!);
        Assert.Matches("<img [^>]*src=\"data:image/png;base64,[^\"]+\"[^>]*>", html);
        Assert.Contains("alt=\"The archived lobby\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("srcset", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/media/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishingAnArticleArchivesTheListsItAppearsOnToo()
    {
        var before = (await site.SnapshotsAsync(AdvertisedPageKind.ArticleIndex, null)).Count;

        await site.SaveAsync<Article>(null, 0, ArchiveSite.Page("Archived Listing"));
        await site.CaptureDueAsync();

        var lists = await site.SnapshotsAsync(AdvertisedPageKind.ArticleIndex, null);
        Assert.Equal(before + 1, lists.Count);
        Assert.Contains("Archived Listing", lists[^1].Text, StringComparison.Ordinal);
        Assert.Equal("/articles", lists[^1].Path);
    }

    [Fact]
    public async Task ADraftSaveArchivesNothing()
    {
        var outcome = await site.SaveAsync<Article>(null, 0, ArchiveSite.Page("Archived Draft", status: nameof(ContentStatus.Draft)));
        await site.SaveAsync<Article>(outcome.Id, 1, ArchiveSite.Page("Archived Draft", "Still a draft.", nameof(ContentStatus.Draft)));
        Assert.Empty(await site.SnapshotsAsync(AdvertisedPageKind.Article, outcome.Slug));

        await site.CaptureDueAsync();

        Assert.Empty(await site.SnapshotsAsync(AdvertisedPageKind.Article, outcome.Slug));
    }

    [Fact]
    public async Task AnEditMakesANewSnapshotAndLeavesTheFirstAsItWas()
    {
        var outcome = await site.SaveAsync<Article>(null, 0, ArchiveSite.Page("Archived Edit", "The first text."));
        await site.CaptureDueAsync();
        var first = Assert.Single(await site.SnapshotsAsync(AdvertisedPageKind.Article, outcome.Slug));

        await site.SaveAsync<Article>(outcome.Id, 1, ArchiveSite.Page("Archived Edit", "The second text."));
        await site.CaptureDueAsync();

        var snapshots = await site.SnapshotsAsync(AdvertisedPageKind.Article, outcome.Slug);
        Assert.Equal(2, snapshots.Count);
        Assert.Equal(first.Html, snapshots[0].Html);
        Assert.Equal((first.Text, first.CapturedAt), (snapshots[0].Text, snapshots[0].CapturedAt));
        Assert.Contains("The second text.", snapshots[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("The first text.", snapshots[1].Text, StringComparison.Ordinal);
        Assert.Equal((AdvertisingFilingState.NeedsFiling, "Article edited"), (snapshots[1].FilingState, snapshots[1].Reason));
    }

    [Fact]
    public async Task PublishingTheSameTextAgainIsRecordedAsUnchanged()
    {
        var outcome = await site.SaveAsync<Article>(null, 0, ArchiveSite.Page("Archived Republish"));
        await site.CaptureDueAsync();

        await site.SaveAsync<Article>(outcome.Id, 1, ArchiveSite.Page("Archived Republish"));
        await site.CaptureDueAsync();

        var snapshots = await site.SnapshotsAsync(AdvertisedPageKind.Article, outcome.Slug);
        Assert.Equal([AdvertisingFilingState.NeedsFiling, AdvertisingFilingState.Unchanged], snapshots.Select(s => s.FilingState));
        Assert.Equal(snapshots[0].TextHash, snapshots[1].TextHash);
    }

    [Fact]
    public async Task PublishingASpanishTranslationArchivesTheSpanishPage()
    {
        var english = await site.SaveAsync<PracticeArea>(null, 0, ArchiveSite.Page("Archived Waivers"));
        var spanishId = await site.TranslateAsync<PracticeArea>(english.Id!.Value, SiteCulture.Spanish);
        await site.SaveAsync<PracticeArea>(spanishId, 1, ArchiveSite.Page("Perdones archivados", "Un perdón **migratorio**."));

        await site.CaptureDueAsync();

        var snapshot = Assert.Single(await site.SnapshotsAsync(AdvertisedPageKind.PracticeArea, english.Slug, SiteCulture.Spanish));
        Assert.Equal(("/es/areas-de-practica/perdones-archivados", "Practice area published (Spanish)"), (snapshot.Path, snapshot.Reason));
        Assert.Contains("Un perdón migratorio.", snapshot.Text, StringComparison.Ordinal);
        Assert.Contains(await DisclaimerAsync(SiteCulture.Spanish), snapshot.Text, StringComparison.Ordinal);
        Assert.Contains("lang=\"es\"", PageSnapshotter.Decompress(snapshot.Html!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScheduledPublicationIsCapturedOnlyOnceItIsPublic()
    {
        var publishAt = ContentRules.PublishAtText(site.Clock.GetUtcNow().UtcDateTime.AddDays(2));
        var outcome = await site.SaveAsync<Article>(null, 0, ArchiveSite.Page("Archived Schedule") with { PublishAt = publishAt });

        var next = await site.CaptureDueAsync();
        var queued = Assert.Single(await site.SnapshotsAsync(AdvertisedPageKind.Article, outcome.Slug));
        Assert.Equal((AdvertisingFilingState.Pending, "Article scheduled"), (queued.FilingState, queued.Reason));
        Assert.NotNull(next);
        Assert.True(next <= queued.PublishedAt, "The worker wakes when the scheduled page goes public.");
        // The list as cached before the article is public: it must not be what is archived once it is.
        using var visitor = site.CreateClient();
        Assert.DoesNotContain("Archived Schedule", await visitor.GetStringAsync("/articles"), StringComparison.Ordinal);

        site.Clock.Advance(TimeSpan.FromDays(2).Add(TimeSpan.FromMinutes(1)));
        await site.CaptureDueAsync();

        var captured = Assert.Single(await site.SnapshotsAsync(AdvertisedPageKind.Article, outcome.Slug));
        Assert.Equal(("/articles/archived-schedule", AdvertisingFilingState.NeedsFiling), (captured.Path, captured.FilingState));
        Assert.Contains("Archived Schedule", captured.Text, StringComparison.Ordinal);
        // The list it went live on shows it, not the copy cached before it was public.
        Assert.Contains("Archived Schedule", (await site.SnapshotsAsync(AdvertisedPageKind.ArticleIndex, null))[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APublicationThatIsNoLongerPublicWhenDueIsDropped()
    {
        var outcome = await site.SaveAsync<Article>(null, 0, ArchiveSite.Page("Archived Withdrawn"));
        await site.SaveAsync<Article>(outcome.Id, 1, ArchiveSite.Page("Archived Withdrawn", status: nameof(ContentStatus.Draft)));

        await site.CaptureDueAsync();

        Assert.Empty(await site.SnapshotsAsync(AdvertisedPageKind.Article, outcome.Slug));
    }

    [Fact]
    public async Task DeletingArchivesNothingAndBringingThePageBackArchivesItAgain()
    {
        var outcome = await site.SaveAsync<Article>(null, 0, ArchiveSite.Page("Archived Undelete"));
        await site.CaptureDueAsync();

        await site.SetDeletedAsync<Article>(outcome.Id!.Value, deleted: true);
        await site.CaptureDueAsync();
        Assert.Single(await site.SnapshotsAsync(AdvertisedPageKind.Article, outcome.Slug));

        await site.SetDeletedAsync<Article>(outcome.Id!.Value, deleted: false);
        await site.CaptureDueAsync();
        var snapshots = await site.SnapshotsAsync(AdvertisedPageKind.Article, outcome.Slug);
        Assert.Equal(["Article published", "Article restored"], snapshots.Select(s => s.Reason));
        Assert.All(snapshots, s => Assert.True(s.IsCaptured));
    }

    [Fact]
    public async Task TheDatabaseRefusesToChangeOrDeleteACapturedSnapshot()
    {
        var outcome = await site.SaveAsync<Article>(null, 0, ArchiveSite.Page("Archived Evidence"));
        await site.CaptureDueAsync();
        var id = Assert.Single(await site.SnapshotsAsync(AdvertisedPageKind.Article, outcome.Slug)).Id;

        await using var scope = site.CreateDbScope();
        byte[] other = [0];
        var update = await Assert.ThrowsAnyAsync<DbException>(() =>
            scope.Db.Database.ExecuteSqlAsync($"""UPDATE "AdvertisingSnapshots" SET "Html" = {other} WHERE "Id" = {id}"""));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() =>
            scope.Db.Database.ExecuteSqlAsync($"""DELETE FROM "AdvertisingSnapshots" WHERE "Id" = {id}"""));

        Assert.Contains("never changed", update.Message, StringComparison.Ordinal);
        Assert.Contains("never deleted", delete.Message, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(await site.SnapshotsAsync(AdvertisedPageKind.Article, outcome.Slug)).Html);
    }

    private async Task<string> DisclaimerAsync(string culture)
    {
        await using var scope = site.CreateDbScope();
        return await scope.Db.FirmProfiles.Where(f => f.Culture == culture).Select(f => f.AdvertisingDisclaimer).SingleAsync();
    }
}
