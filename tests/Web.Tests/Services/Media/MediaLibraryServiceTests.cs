using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Content;
using PiriSite.Web.Services.Media;
using PiriSite.Web.Tests.Infrastructure;
using SkiaSharp;

namespace PiriSite.Web.Tests.Services.Media;

public class MediaLibraryServiceTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private static readonly ClaimsPrincipal s_staff = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "staff-id-7"), new Claim(ClaimTypes.Name, "library.staff@pirisite.test")], "Test"));

    [Fact]
    public async Task AnUploadIsStoredWithItsCopiesRowAndAuditEntryNamingWhoUploadedIt()
    {
        var result = await UploadAsync(ImageSamples.Photo(SKEncodedImageFormat.Png, 1000, 500), "  The reception desk  ");

        var media = Assert.IsType<MediaFile>(result.Uploaded);
        Assert.Empty(result.Errors);
        Assert.Equal("The reception desk", media.AltText);
        Assert.Equal([480, 960], media.VariantWidths);
        Assert.True(File.Exists(Path.Combine(factory.MediaDirectory, media.StoredName)));
        Assert.True(File.Exists(Path.Combine(factory.MediaDirectory, MediaFile.VariantName(media.StoredName, 960))));
        await using var scope = factory.CreateDbScope();
        var row = await scope.Db.MediaFiles.SingleAsync(m => m.Id == media.Id);
        Assert.Equal("library.staff@pirisite.test", row.UploadedBy);
        var audit = await scope.Db.AuditEntries.SingleAsync(a => a.Target == media.Url);
        Assert.Equal(("Image uploaded", "staff-id-7", "library.staff@pirisite.test"), (audit.Action, audit.ActorId, audit.ActorName));
    }

    [Fact]
    public async Task AnUploadWithNoFileAndNoAltTextNamesBothProblemsInTheFormsOrderAndStoresNothing()
    {
        await using var scope = factory.CreateDbScope();
        var before = await scope.Db.MediaFiles.CountAsync();
        var library = scope.Services.GetRequiredService<MediaLibraryService>();

        var result = await library.UploadAsync(new MediaUpload(null, 0, "   "), s_staff);

        Assert.Null(result.Uploaded);
        Assert.Equal(["file", "altText"], result.Errors.Keys); // the file field comes first on the form
        Assert.Equal("Choose an image file to upload.", result.Errors["file"]);
        Assert.Equal("", result.AltText);
        Assert.Equal(before, await scope.Db.MediaFiles.CountAsync());
    }

    [Fact]
    public async Task OnlyTheOriginalAndTheCopiesTheSiteMadeAreFound()
    {
        var media = (await UploadAsync(ImageSamples.Photo(SKEncodedImageFormat.Jpeg, 1000, 500), "A hallway")).Uploaded!;
        var name = Path.GetFileNameWithoutExtension(media.StoredName);
        await using var scope = factory.CreateDbScope();
        var library = scope.Services.GetRequiredService<MediaLibraryService>();

        var original = await library.FindAsync(media.StoredName);
        var copy = await library.FindAsync($"{name}-480.jpg");

        Assert.Equal("image/jpeg", original?.ContentType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(factory.MediaDirectory, media.StoredName)), await ReadAsync(original!));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(factory.MediaDirectory, $"{name}-480.jpg")), await ReadAsync(copy!));
        foreach (var unknown in new[] { $"{name}-1600.jpg", $"{name}-333.jpg", $"{name}.png", $"{name}-0480.jpg", $"{new string('a', 32)}.jpg", $"../{media.StoredName}", "" })
        {
            Assert.Null(await library.FindAsync(unknown));
        }

        // A row whose file is gone is not served either.
        File.Delete(Path.Combine(factory.MediaDirectory, $"{name}-960.jpg"));
        Assert.Null(await library.FindAsync($"{name}-960.jpg"));
    }

    private static async Task<byte[]> ReadAsync(MediaContent content)
    {
        await using var stream = content.Content;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private async Task<MediaUploadResult> UploadAsync(byte[] bytes, string alt)
    {
        await using var scope = factory.CreateDbScope();
        using var content = new MemoryStream(bytes);
        return await scope.Services.GetRequiredService<MediaLibraryService>().UploadAsync(new MediaUpload(content, bytes.Length, alt), s_staff);
    }
}
