using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PiriSite.Domain.Content;
using PiriSite.Domain.Tests.Content;
using PiriSite.Web.Services.Media;
using PiriSite.Web.Tests.Infrastructure;
using SkiaSharp;

namespace PiriSite.Web.Tests.Services.Media;

/// <summary>A site that changes Media:Store keeps its images: they are copied across as it starts.</summary>
public sealed class MediaStoreSwitchTests
{
    [Fact]
    public async Task ASiteSwitchedToTheDatabaseImportsItsFolderOnceStrippingOldMetadataAndSwitchedBackWritesThemOut()
    {
        using var folderSite = new SiteFactory();
        var uploaded = await MediaStoreTests.UploadAsync(folderSite, ImageSamples.Photo(SKEncodedImageFormat.Png, 1000, 500), "The library");
        // An original from before uploads were stripped, still carrying a camera's serial number.
        var legacyName = $"{Guid.NewGuid():N}.jpg";
        var legacy = ImageSamples.WithMetadata(ImageSamples.Photo(SKEncodedImageFormat.Jpeg, 400, 300), SKEncodedImageFormat.Jpeg, orientation: 1);
        await File.WriteAllBytesAsync(Path.Combine(folderSite.MediaDirectory, legacyName), legacy);
        await using (var scope = folderSite.CreateDbScope())
        {
            scope.Db.MediaFiles.Add(new MediaFile
            {
                StoredName = legacyName, ContentType = "image/jpeg", SizeBytes = legacy.Length, Width = 400, Height = 300,
                AltText = "An old photo", UploadedAt = DateTime.UtcNow, UploadedBy = "before@pirisite.test",
            });
            await scope.Db.SaveChangesAsync();
        }

        var files = new[] { uploaded.StoredName, MediaFile.VariantName(uploaded.StoredName, 480), MediaFile.VariantName(uploaded.StoredName, 960) };

        // The same site restarted with Media:Store = Database (a second instance on its database, reading its folder).
        using var databaseSite = folderSite.SecondInstance(new Dictionary<string, string?>
        {
            ["Media:Store"] = "Database",
            ["Site:MediaPath"] = folderSite.MediaDirectory,
        });
        using (var visitor = databaseSite.CreateClient())
        {
            foreach (var name in files)
            {
                var file = await File.ReadAllBytesAsync(Path.Combine(folderSite.MediaDirectory, name));
                Assert.Equal(file, await MediaStoreTests.StoredRowAsync(databaseSite, name));
                Assert.Equal(file, await visitor.GetByteArrayAsync($"/media/{name}"));
            }
        }

        var stripped = await MediaStoreTests.StoredRowAsync(databaseSite, legacyName);
        ExifSample.AssertNoMarker(stripped);
        Assert.True(stripped.Length < legacy.Length);
        Assert.Equal(legacy, await File.ReadAllBytesAsync(Path.Combine(folderSite.MediaDirectory, legacyName))); // the folder is left as it was
        await using (var scope = databaseSite.CreateDbScope())
        {
            Assert.Equal(stripped.Length, (await scope.Db.MediaFiles.SingleAsync(m => m.StoredName == legacyName)).SizeBytes);
        }

        // Idempotent: the next start copies nothing again.
        var before = await WrittenAtAsync(databaseSite);
        await databaseSite.Services.GetServices<IHostedService>().OfType<MediaStoreSwitch>().Single().StartAsync(CancellationToken.None);
        Assert.Equal(before, await WrittenAtAsync(databaseSite));
        Assert.Equal(4, before.Count);

        // Switched back to Folder, with an empty folder (a new machine): the images come out of the database.
        using var folderAgain = folderSite.SecondInstance();
        using (var visitor = folderAgain.CreateClient())
        {
            foreach (var name in files.Append(legacyName))
            {
                var row = await MediaStoreTests.StoredRowAsync(databaseSite, name);
                Assert.Equal(row, await File.ReadAllBytesAsync(Path.Combine(folderAgain.MediaDirectory, name)));
                Assert.Equal(row, await visitor.GetByteArrayAsync($"/media/{name}"));
            }
        }
    }

    private static async Task<Dictionary<string, DateTime>> WrittenAtAsync(SiteFactory site)
    {
        await using var scope = site.CreateDbScope();
        return await scope.Db.MediaBlobs.ToDictionaryAsync(b => b.Name, b => b.WrittenAt);
    }
}
