using SkiaSharp;

namespace PiriSite.Web.Services.Media;

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

        using var data = SKData.CreateCopy(original);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedOrigin != SKEncodedOrigin.TopLeft)
        {
            return [];
        }

        using var bitmap = DecodeForWidth(codec, widths.Max());
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
            var height = Math.Max(1, (int)Math.Round((double)image.Height * width / image.Width));
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

    /// <summary>
    /// Whether the decoder reads the same size from the header as <see cref="ImageFormat"/> did, so the pixel
    /// limit checked on that size holds for what is really decoded (a file with two frame headers cannot pass
    /// with one and decode with the other). Reads the header only.
    /// </summary>
    public static bool DecoderReadsSize(byte[] bytes, DetectedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        return codec is not null && codec.Info.Width == image.Width && codec.Info.Height == image.Height;
    }

    /// <summary>
    /// The image decoded no larger than it must be for copies up to <paramref name="width"/> pixels wide (at most
    /// twice that), never at full size when it is a JPEG or WebP larger than that: a 40-megapixel photo would take 160 MB decoded, its
    /// 1,600-pixel copy needs a tenth of that. JPEG (in eighths) and WebP decoders scale while decoding.
    /// Null when the image cannot be decoded.
    /// </summary>
    public static SKBitmap? DecodeForWidth(SKCodec codec, int width)
    {
        ArgumentNullException.ThrowIfNull(codec);
        var full = codec.Info;
        var alpha = full.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var scaled = codec.GetScaledDimensions(Math.Min(1f, (float)width / full.Width));
        if (scaled.Width < width)
        {
            scaled = codec.GetScaledDimensions(Math.Min(1f, (float)width * 2 / full.Width));
        }

        if (scaled.Width >= width && scaled.Width < full.Width)
        {
            return Decode(codec, new SKImageInfo(scaled.Width, scaled.Height, SKImageInfo.PlatformColorType, alpha, full.ColorSpace));
        }

        // Skia's PNG decoder can neither scale nor hand out rows (scanline decoding is unimplemented in this
        // build), so a PNG decodes at full size: at most MediaFile.MaxPixels, 160 MB, and only once per upload.
        return Decode(codec, full.WithColorType(SKImageInfo.PlatformColorType).WithAlphaType(alpha));
    }

    private static SKBitmap? Decode(SKCodec codec, SKImageInfo info)
    {
        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) is SKCodecResult.Success or SKCodecResult.IncompleteInput)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }
}
