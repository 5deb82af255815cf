using PiriSite.Domain.Content;
using SkiaSharp;

namespace PiriSite.Web.Services;

/// <summary>
/// Smaller copies of an uploaded image, so a phone downloads a 480-pixel-wide picture rather than the
/// photographer's 4,000 pixels. The page lists them in a srcset and the browser picks one for its screen.
/// </summary>
public static class ImageVariants
{
    /// <summary>Widths for phones, tablets and wide screens (a page's text column is about 760 px wide; 1600 covers 2× screens).</summary>
    public static readonly IReadOnlyList<int> Widths = [480, 960, 1600];

    private const int JpegQuality = 82;
    private const int WebpQuality = 80;

    /// <summary>
    /// The smaller copies of <paramref name="original"/>, each narrower than the original, in its own format.
    /// None for an image whose pixels are stored turned (a camera's EXIF orientation): the browser turns the
    /// original itself, and serving it unresized is better than serving a copy on its side.
    /// </summary>
    public static IReadOnlyList<(int Width, byte[] Bytes)> Make(byte[] original, DetectedImage image)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(image);
        var widths = Widths.Where(width => width < image.Width).ToList();
        if (widths.Count == 0)
        {
            return [];
        }

        using var codec = SKCodec.Create(new SKMemoryStream(original));
        if (codec is null || codec.EncodedOrigin != SKEncodedOrigin.TopLeft)
        {
            return [];
        }

        using var bitmap = SKBitmap.Decode(codec);
        if (bitmap is null)
        {
            return [];
        }

        var format = image.ContentType switch
        {
            "image/png" => SKEncodedImageFormat.Png,
            "image/webp" => SKEncodedImageFormat.Webp,
            _ => SKEncodedImageFormat.Jpeg,
        };
        var quality = format == SKEncodedImageFormat.Webp ? WebpQuality : JpegQuality;
        var variants = new List<(int, byte[])>();
        foreach (var width in widths)
        {
            var height = Math.Max(1, (int)Math.Round((double)bitmap.Height * width / bitmap.Width));
            using var resized = bitmap.Resize(new SKImageInfo(width, height, bitmap.ColorType, bitmap.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell));
            if (resized is null)
            {
                continue;
            }

            using var encoded = resized.Encode(format, quality);
            variants.Add((width, encoded.ToArray()));
        }

        return variants;
    }
}
