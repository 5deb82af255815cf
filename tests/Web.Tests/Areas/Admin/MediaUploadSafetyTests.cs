using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;
using SkiaSharp;
using PiriSite.Domain.Tests.Content;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>What an uploaded image can do to the server (a decompression bomb) and tell the public (its metadata).</summary>
public partial class MediaUploadSafetyTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task ADecompressionBombIsRefusedFromItsHeaderAndNothingIsDecodedOrStored()
    {
        using var client = await SignInAsync();
        var page = await client.GetStringAsync("/admin/media");
        var bomb = ImageSamples.Bomb(30000, 30000);
        Assert.True(bomb.Length < 100_000, $"the bomb is {bomb.Length} bytes"); // small on the wire, 3.6 GB decoded
        var storedBefore = StoredFiles();
        await using (var scope = factory.CreateDbScope())
        {
            Assert.False(await scope.Db.MediaFiles.AnyAsync(m => m.Width == 30000));
        }

        var peakBefore = PeakMemory();
        var response = await client.PostAsync("/admin/media", MediaLibraryTests.Upload(page, bomb, "poster.png", "A poster", "application/octet-stream"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("This image is 30,000 × 30,000 pixels (900.0 megapixels); the site accepts up to 40 megapixels.", html, StringComparison.Ordinal);
        Assert.Equal(storedBefore, StoredFiles());
        await using (var scope = factory.CreateDbScope())
        {
            Assert.False(await scope.Db.MediaFiles.AnyAsync(m => m.Width == 30000));
        }

        // Decoding it would have touched gigabytes; refusing it from the header touches nothing.
        Assert.True(PeakMemory() - peakBefore < 512L * 1024 * 1024, $"peak memory grew by {(PeakMemory() - peakBefore) / 1024 / 1024} MB");
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg, "jpg")]
    [InlineData(SKEncodedImageFormat.Png, "png")]
    [InlineData(SKEncodedImageFormat.Webp, "webp")]
    public async Task NoStoredCopyKeepsTheGpsPositionSerialNumberXmpOrComment(SKEncodedImageFormat format, string extension)
    {
        using var client = await SignInAsync();
        var page = await client.GetStringAsync("/admin/media");
        var upload = ImageSamples.WithMetadata(ImageSamples.Photo(format, 2000, 1000), format, orientation: 1);
        using (var codec = SKCodec.Create(new MemoryStream(upload)))
        {
            Assert.Equal(2000, codec.Info.Width); // the sample itself still decodes with its metadata
        }

        Assert.Contains("SERIAL-MARKER", Encoding.Latin1.GetString(upload), StringComparison.Ordinal);

        var response = await client.PostAsync("/admin/media", MediaLibraryTests.Upload(page, upload, $"IMG_0042.{extension}", $"Office {extension}", "application/octet-stream"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var name = await StoredNameAsync($"Office {extension}");
        var stored = StoredFiles().Where(f => f.StartsWith(name, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{name}-1600.{extension}", $"{name}-480.{extension}", $"{name}-960.{extension}", $"{name}.{extension}"], stored);
        using var visitor = factory.CreateClient();
        foreach (var file in stored)
        {
            var bytes = await visitor.GetByteArrayAsync($"/media/{file}");
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(MediaDirectory, file)), bytes);
            ExifSample.AssertNoMarker(bytes);
            Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
            using var decoded = SKBitmap.Decode(bytes);
            Assert.NotNull(decoded);
            Assert.Equal(decoded.Width / 2, decoded.Height);
        }

        // The original keeps its pixels: stripped, not re-encoded.
        using var original = SKBitmap.Decode(await visitor.GetByteArrayAsync($"/media/{name}.{extension}"));
        using var uploaded = SKBitmap.Decode(upload);
        Assert.Equal((2000, 1000), (original.Width, original.Height));
        Assert.Equal(uploaded.GetPixel(1234, 567), original.GetPixel(1234, 567));
    }

    [Fact]
    public async Task APhotoTakenSidewaysKeepsOnlyItsOrientation()
    {
        using var client = await SignInAsync();
        var page = await client.GetStringAsync("/admin/media");
        var upload = ImageSamples.WithMetadata(ImageSamples.Photo(SKEncodedImageFormat.Jpeg, 1200, 800), SKEncodedImageFormat.Jpeg, orientation: 6);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/admin/media", MediaLibraryTests.Upload(page, upload, "IMG_0043.jpg", "Sideways", "application/octet-stream"))).StatusCode);

        var name = await StoredNameAsync("Sideways");
        var stored = await File.ReadAllBytesAsync(Path.Combine(MediaDirectory, $"{name}.jpg"));
        ExifSample.AssertNoMarker(stored);
        using var codec = SKCodec.Create(new MemoryStream(stored));
        Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin);
    }

    [Fact]
    public async Task AnImageTheDecoderReadsAsAnotherSizeIsRefused()
    {
        using var client = await SignInAsync();
        var page = await client.GetStringAsync("/admin/media");
        // A JPEG with a small frame header first for the size check, then the real (larger) frame.
        var photo = ImageSamples.Photo(SKEncodedImageFormat.Jpeg, 300, 200);
        byte[] decoy = [0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00];
        var twoFrames = new byte[photo.Length + decoy.Length];
        photo.AsSpan(0, 2).CopyTo(twoFrames);
        decoy.CopyTo(twoFrames, 2);
        photo.AsSpan(2).CopyTo(twoFrames.AsSpan(2 + decoy.Length));

        var response = await client.PostAsync("/admin/media", MediaLibraryTests.Upload(page, twoFrames, "odd.jpg", "Odd", "application/octet-stream"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("This image could not be read.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImagesKeptAfterAnErrorNeverPileUpBeyondTheirLimit()
    {
        using var client = await SignInAsync();
        var page = await client.GetStringAsync("/admin/media");
        var png = ImageSamples.Photo(SKEncodedImageFormat.Png, 40, 30);

        for (var i = 0; i < PiriSite.Web.Services.Media.PendingUploads.MaxKept + 3; i++)
        {
            var response = await client.PostAsync("/admin/media", MediaLibraryTests.Upload(page, png, "photo.png", ""));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        }

        // Each try sweeps first, then keeps its own image: never more than the limit and the one just kept.
        var kept = Directory.GetFiles(Path.Combine(MediaDirectory, "pending"));
        Assert.InRange(kept.Length, 1, PiriSite.Web.Services.Media.PendingUploads.MaxKept + 1);
    }

    private string MediaDirectory => factory.Services.GetRequiredService<IConfiguration>()["Site:MediaPath"]!;

    private List<string> StoredFiles() =>
        Directory.Exists(MediaDirectory)
            ? [.. Directory.GetFiles(MediaDirectory).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)]
            : [];

    private async Task<string> StoredNameAsync(string alt)
    {
        await using var scope = factory.CreateDbScope();
        var media = await scope.Db.MediaFiles.SingleAsync(m => m.AltText == alt);
        Assert.Matches(StoredName(), media.StoredName);
        return Path.GetFileNameWithoutExtension(media.StoredName);
    }

    private static long PeakMemory()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    private async Task<HttpClient> SignInAsync()
    {
        var (staff, key) = await StaffSessions.CreateAsync(factory, $"media.safety.{Guid.NewGuid():N}@pirisite.test", StaffRoles.Staff);
        return await StaffSessions.SignInAsync(factory, staff.Email!, key);
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.(jpg|png|webp)$")]
    private static partial Regex StoredName();
}
