using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Content;
using PiriSite.Web.Services.Media;
using PiriSite.Web.Tests.Areas.Admin;
using PiriSite.Web.Tests.Infrastructure;
using SkiaSharp;

namespace PiriSite.Web.Tests.Services.Media;

/// <summary>
/// Media:Store. Folder (the default) keeps the images as files; Database keeps them as rows, so an image uploaded to
/// one instance of the site is served by another on the same database, with the same headers as from a folder.
/// </summary>
public sealed class MediaStoreTests
{
    private static readonly ClaimsPrincipal s_staff = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "staff-id-9"), new Claim(ClaimTypes.Name, "store.staff@pirisite.test")], "Test"));

    [Theory]
    [InlineData("Folder")]
    [InlineData("Database")]
    public async Task AnUploadedImageAndItsCopyAreServedByteForByteWithTheirCachingHeaders(string store)
    {
        using var site = new SiteFactory(new Dictionary<string, string?> { ["Media:Store"] = store });
        var (user, key) = await StaffSessions.CreateAsync(site, "store.upload@pirisite.test", StaffRoles.Staff);
        using var staff = await StaffSessions.SignInAsync(site, user.Email!, key);
        var page = await staff.GetStringAsync("/admin/media");

        var uploaded = await staff.PostAsync("/admin/media", MediaLibraryTests.Upload(page, ImageSamples.Photo(SKEncodedImageFormat.Png, 1000, 500), "lobby.png", "The lobby"));

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var name = Regex.Match(await staff.GetStringAsync("/admin/media"), "src=\"/media/([0-9a-f]{32})\\.png\"").Groups[1].Value;
        Assert.NotEmpty(name);
        using var visitor = site.CreateClient();
        foreach (var file in new[] { $"{name}.png", $"{name}-480.png" })
        {
            var stored = store == "Database" ? await StoredRowAsync(site, file) : await File.ReadAllBytesAsync(Path.Combine(site.MediaDirectory, file));
            using var response = await visitor.GetAsync($"/media/{file}");
            AssertServedAsImage(response, "image/png", stored.Length);
            Assert.Equal(stored, await response.Content.ReadAsByteArrayAsync());

            // The browser's next visit asks whether it changed: it did not.
            using var again = new HttpRequestMessage(HttpMethod.Get, $"/media/{file}");
            again.Headers.IfModifiedSince = response.Content.Headers.LastModified;
            Assert.Equal(HttpStatusCode.NotModified, (await visitor.SendAsync(again)).StatusCode);
        }

        // In the database, nothing of the library is on this instance's disk.
        Assert.Equal(store == "Folder", Directory.Exists(site.MediaDirectory) && Directory.EnumerateFiles(site.MediaDirectory).Any());
    }

    [Fact]
    public async Task AnImageUploadedToOneInstanceIsServedByAnotherOnTheSameDatabase()
    {
        using var first = new SiteFactory(new Dictionary<string, string?> { ["Media:Store"] = "Database" });
        using var second = first.SecondInstance();
        var media = await UploadAsync(first, ImageSamples.Photo(SKEncodedImageFormat.Jpeg, 1200, 600), "The front door");
        using var firstVisitor = first.CreateClient();
        using var secondVisitor = second.CreateClient();

        foreach (var url in new[] { media.Url, media.VariantUrl(960) })
        {
            using var fromFirst = await firstVisitor.GetAsync(url);
            using var fromSecond = await secondVisitor.GetAsync(url);
            var bytes = await fromFirst.Content.ReadAsByteArrayAsync();
            AssertServedAsImage(fromSecond, "image/jpeg", bytes.Length);
            Assert.Equal(bytes, await fromSecond.Content.ReadAsByteArrayAsync());
            Assert.Equal(fromFirst.Content.Headers.LastModified, fromSecond.Content.Headers.LastModified);
        }

        Assert.False(Directory.Exists(second.MediaDirectory), "the second instance has no media folder of its own");
    }

    [Fact]
    public async Task AnImageKeptAfterAFormErrorOnOneInstanceIsUsedByTheRetryOnAnother()
    {
        using var first = new SiteFactory(new Dictionary<string, string?> { ["Media:Store"] = "Database" });
        using var second = first.SecondInstance();
        var photo = ImageSamples.Photo(SKEncodedImageFormat.Png, 640, 480);

        var refused = await UploadResultAsync(first, new MediaUpload(new MemoryStream(photo), photo.Length, ""));
        var token = Assert.IsType<KeptImage>(refused.Kept).Token;
        await using (var scope = second.CreateDbScope())
        {
            var preview = await scope.Services.GetRequiredService<MediaLibraryService>().FindKeptAsync(token);
            Assert.Equal("image/png", preview?.ContentType);
            await preview!.Content.DisposeAsync();
        }

        var retried = await UploadResultAsync(second, new MediaUpload(null, 0, "The courthouse steps", token));

        var media = Assert.IsType<MediaFile>(retried.Uploaded);
        Assert.Equal((640, 480), (media.Width, media.Height));
        using var visitor = first.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(media.Url)).StatusCode);
        Assert.Empty(await PendingRowsAsync(first)); // the kept image is gone once stored
    }

    [Fact]
    public async Task KeptImagesInTheDatabaseExpireAfterAnHourAndNeverPileUpBeyondTheirLimit()
    {
        using var first = new SiteFactory(new Dictionary<string, string?> { ["Media:Store"] = "Database" });
        using var second = first.SecondInstance();
        var photo = ImageSamples.Photo(SKEncodedImageFormat.Png, 40, 30);
        var tokens = new List<string>();
        for (var i = 0; i < PendingUploads.MaxKept + 3; i++)
        {
            var refused = await UploadResultAsync(i % 2 == 0 ? first : second, new MediaUpload(new MemoryStream(photo), photo.Length, ""));
            tokens.Add(refused.Kept!.Token);
        }

        // Each try sweeps first, then keeps its own image: never more than the limit and the one just kept.
        Assert.InRange((await PendingRowsAsync(first)).Count, 1, PendingUploads.MaxKept + 1);

        var expired = tokens[^1];
        await using (var scope = first.CreateDbScope())
        {
            await scope.Db.MediaBlobs.Where(b => b.Name == MediaBlob.PendingPrefix + expired)
                .ExecuteUpdateAsync(set => set.SetProperty(b => b.WrittenAt, DateTime.UtcNow.AddHours(-2)));
        }

        var late = await UploadResultAsync(second, new MediaUpload(null, 0, "Too late", expired));

        Assert.Null(late.Uploaded);
        Assert.StartsWith("Choose the image again:", late.Errors["file"], StringComparison.Ordinal);
        Assert.DoesNotContain(MediaBlob.PendingPrefix + expired, await PendingRowsAsync(first)); // swept
    }

    internal static void AssertServedAsImage(HttpResponseMessage response, string contentType, long length)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(length, response.Content.Headers.ContentLength);
        Assert.Equal(new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(365) }, response.Headers.CacheControl);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    internal static async Task<byte[]> StoredRowAsync(SiteFactory site, string name)
    {
        await using var scope = site.CreateDbScope();
        return await scope.Db.MediaBlobs.Where(b => b.Name == name).Select(b => b.Bytes).SingleAsync();
    }

    internal static async Task<MediaFile> UploadAsync(SiteFactory site, byte[] bytes, string alt) =>
        (await UploadResultAsync(site, new MediaUpload(new MemoryStream(bytes), bytes.Length, alt))).Uploaded
            ?? throw new InvalidOperationException("the upload was refused");

    private static async Task<MediaUploadResult> UploadResultAsync(SiteFactory site, MediaUpload upload)
    {
        await using var scope = site.CreateDbScope();
        await using (upload.Content)
        {
            return await scope.Services.GetRequiredService<MediaLibraryService>().UploadAsync(upload, s_staff);
        }
    }

    private static async Task<List<string>> PendingRowsAsync(SiteFactory site)
    {
        await using var scope = site.CreateDbScope();
        return await scope.Db.MediaBlobs.Where(b => b.Name.StartsWith(MediaBlob.PendingPrefix)).Select(b => b.Name).ToListAsync();
    }
}
