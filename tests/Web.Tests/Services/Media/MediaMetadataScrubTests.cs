using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PiriSite.Domain.Content;
using PiriSite.Web.Services.Media;
using PiriSite.Web.Tests.Infrastructure;
using SkiaSharp;
using PiriSite.Domain.Tests.Content;

namespace PiriSite.Web.Tests.Services.Media;

/// <summary>Originals uploaded before uploads were stripped lose their metadata when the site next starts.</summary>
public class MediaMetadataScrubTests
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg, "image/jpeg", "jpg")]
    [InlineData(SKEncodedImageFormat.Png, "image/png", "png")]
    [InlineData(SKEncodedImageFormat.Webp, "image/webp", "webp")]
    public async Task AnOriginalStoredWithItsMetadataIsStrippedAtStartAndLeftAloneAfterwards(SKEncodedImageFormat format, string contentType, string extension)
    {
        using var factory = new SiteFactory();
        using var client = factory.CreateClient(); // starts the site: its media folder and database exist from here
        var storedName = $"{Guid.NewGuid():N}.{extension}";
        var original = ImageSamples.WithMetadata(ImageSamples.Photo(format, 400, 300), format, orientation: 1);
        var path = Path.Combine(factory.MediaDirectory, storedName);
        Directory.CreateDirectory(factory.MediaDirectory);
        await File.WriteAllBytesAsync(path, original);
        await using (var scope = factory.CreateDbScope())
        {
            scope.Db.MediaFiles.Add(new MediaFile
            {
                StoredName = storedName, ContentType = contentType, SizeBytes = original.Length, Width = 400, Height = 300,
                AltText = "An office", UploadedAt = DateTime.UtcNow, UploadedBy = "before@pirisite.test",
            });
            await scope.Db.SaveChangesAsync();
        }

        var scrub = factory.Services.GetServices<IHostedService>().OfType<MediaMetadataScrub>().Single();
        await scrub.StartAsync(CancellationToken.None);

        var stripped = await File.ReadAllBytesAsync(path);
        Assert.True(stripped.Length < original.Length);
        ExifSample.AssertNoMarker(stripped);
        using (var bitmap = SKBitmap.Decode(stripped))
        {
            Assert.Equal(400, bitmap.Width);
        }

        await using (var scope = factory.CreateDbScope())
        {
            Assert.Equal(stripped.Length, (await scope.Db.MediaFiles.SingleAsync(m => m.StoredName == storedName)).SizeBytes);
        }

        var writtenAt = File.GetLastWriteTimeUtc(path);
        await scrub.StartAsync(CancellationToken.None);
        Assert.Equal(stripped, await File.ReadAllBytesAsync(path));
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(path));
    }
}
