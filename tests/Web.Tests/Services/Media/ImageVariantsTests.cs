using PiriSite.Domain.Content;
using PiriSite.Web.Services.Media;
using PiriSite.Web.Tests.Infrastructure;
using SkiaSharp;

namespace PiriSite.Web.Tests.Services.Media;

public class ImageVariantsTests
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void ALargePhotoIsDecodedNearTheCopysSizeNeverAtFullSize(SKEncodedImageFormat format)
    {
        var photo = ImageSamples.Photo(format, 6400, 3200);
        using var data = SKData.CreateCopy(photo);
        using var codec = SKCodec.Create(data);

        using var decoded = ImageVariants.DecodeForWidth(codec, 1600);

        Assert.NotNull(decoded);
        Assert.InRange(decoded.Width, 1600, 3199);
        Assert.Equal(decoded.Width / 2.0, decoded.Height, 1.0);
        // Still the same picture: the gradient runs from steel blue at the top left to gold at the bottom right.
        using var full = SKBitmap.Decode(photo);
        AssertClose(full.GetPixel(3200, 1600), decoded.GetPixel(decoded.Width / 2, decoded.Height / 2));
        AssertClose(full.GetPixel(400, 200), decoded.GetPixel(decoded.Width / 16, decoded.Height / 16));
    }

    // PNG is absent above: Skia's PNG decoder cannot scale, so a PNG decodes at full size, bounded by the pixel limit.
    [Fact]
    public void TheCopiesHaveTheirWidthsAndTheImagesProportions()
    {
        var photo = ImageSamples.Photo(SKEncodedImageFormat.Png, 5000, 2500);

        var variants = ImageVariants.Make(photo, new DetectedImage("image/png", "png", 5000, 2500));

        Assert.Equal([480, 960, 1600], variants.Select(v => v.Width));
        foreach (var (width, bytes) in variants)
        {
            using var copy = SKBitmap.Decode(bytes);
            Assert.Equal((width, width / 2), (copy.Width, copy.Height));
        }
    }

    private static void AssertClose(SKColor expected, SKColor actual)
    {
        const int tolerance = 12;
        Assert.True(
            Math.Abs(expected.Red - actual.Red) <= tolerance && Math.Abs(expected.Green - actual.Green) <= tolerance && Math.Abs(expected.Blue - actual.Blue) <= tolerance,
            $"expected about {expected}, decoded {actual}");
    }
}
