using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;
using PiriSite.Domain.Tests.Content;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>Real images encoded by SkiaSharp, then given a phone's metadata; and a decompression bomb.</summary>
public static class ImageSamples
{
    /// <summary>A gradient picture (not one flat colour, so a scaled decode has something to average).</summary>
    public static byte[] Photo(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint())
        {
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.SteelBlue, SKColors.Gold], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, paint);
        }

        using var encoded = bitmap.Encode(format, 90);
        return encoded.ToArray();
    }

    /// <summary>
    /// <paramref name="image"/> with EXIF (GPS, serial, owner, <paramref name="orientation"/>), XMP and a comment
    /// added where a camera or an editor puts them in that format.
    /// </summary>
    public static byte[] WithMetadata(byte[] image, SKEncodedImageFormat format, int orientation)
    {
        ArgumentNullException.ThrowIfNull(image);
        var tiff = ExifSample.Tiff(orientation);
        var xmp = Encoding.UTF8.GetBytes("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:Description xmp:CreatorTool='XMP-MARKER'/></x:xmpmeta>");
        var comment = "COMMENT-MARKER taken outside the client's home"u8.ToArray();
        switch (format)
        {
            case SKEncodedImageFormat.Jpeg:
                return
                [
                    0xFF, 0xD8,
                    .. ExifSample.JpegSegment(0xE1, [.. "Exif\0\0"u8, .. tiff]),
                    .. ExifSample.JpegSegment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. xmp]),
                    .. ExifSample.JpegSegment(0xFE, comment),
                    .. image.AsSpan(2),
                ];
            case SKEncodedImageFormat.Png:
                const int afterHeader = 8 + 12 + 13;
                var end = image.Length - 12;
                return
                [
                    .. image.AsSpan(0, afterHeader),
                    .. ExifSample.PngChunk("eXIf", tiff),
                    .. ExifSample.PngChunk("iTXt", [.. "XML:com.adobe.xmp\0\0\0\0\0"u8, .. xmp]),
                    .. image.AsSpan(afterHeader, end - afterHeader),
                    .. ExifSample.PngChunk("tEXt", [.. "Comment\0"u8, .. comment]),
                    .. image.AsSpan(end),
                ];
            case SKEncodedImageFormat.Webp:
                // SkiaSharp writes a simple WebP; metadata needs the extended form: a VP8X header with the flags.
                Assert.Equal("VP8 "u8.ToArray(), image[12..16]);
                using (var codec = SKCodec.Create(new MemoryStream(image)))
                {
                    var (w, h) = (codec.Info.Width - 1, codec.Info.Height - 1);
                    byte[] header = [0x08 | 0x04, 0, 0, 0, (byte)w, (byte)(w >> 8), (byte)(w >> 16), (byte)h, (byte)(h >> 8), (byte)(h >> 16)];
                    byte[] chunks = [.. ExifSample.RiffChunk("VP8X", header), .. image.AsSpan(12), .. ExifSample.RiffChunk("EXIF", tiff), .. ExifSample.RiffChunk("XMP ", xmp)];
                    var size = new byte[4];
                    BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)(4 + chunks.Length));
                    return [.. "RIFF"u8, .. size, .. "WEBP"u8, .. chunks];
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    /// <summary>
    /// A PNG whose header declares <paramref name="width"/> × <paramref name="height"/> RGBA pixels, with correct
    /// CRCs and a few rows of real compressed data: a decoder that trusts the header allocates it all.
    /// </summary>
    public static byte[] Bomb(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8; // bits per channel
        header[9] = 6; // RGBA
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize))
        {
            var row = new byte[1 + (width * 4)]; // filter byte, then zeros
            for (var y = 0; y < 4; y++)
            {
                zlib.Write(row);
            }
        }

        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. ExifSample.PngChunk("IHDR", header), .. ExifSample.PngChunk("IDAT", compressed.ToArray()), .. ExifSample.PngChunk("IEND", [])];
    }


}
