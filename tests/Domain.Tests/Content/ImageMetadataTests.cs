using System.Buffers.Binary;
using System.Text;
using PiriSite.Domain.Content;

namespace PiriSite.Domain.Tests.Content;

public class ImageMetadataTests
{
    private static readonly DetectedImage s_jpeg = new("image/jpeg", "jpg", 2, 2);
    private static readonly DetectedImage s_png = new("image/png", "png", 2, 2);
    private static readonly DetectedImage s_webP = new("image/webp", "webp", 2, 2);

    [Fact]
    public void AJpegLosesExifXmpCommentsThumbnailAndTrailingDataButKeepsItsColourAndPixels()
    {
        byte[] jfifWithThumbnail = [.. "JFIF\0"u8, 1, 2, 1, 0, 72, 0, 72, 2, 1, 1, 2, 3, 4, 5, 6];
        byte[] icc = [.. "ICC_PROFILE\0"u8, 1, 1, .. "profile"u8];
        byte[] adobe = [.. "Adobe"u8, 0, 100, 0, 0, 0, 0, 1];
        byte[] tables = [0x00, .. new byte[64]];
        byte[] frame = [8, 0, 2, 0, 2, 1, 1, 0x11, 0];
        byte[] scanHeader = [1, 1, 0, 0, 63, 0];
        byte[] entropy = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD3, 0x56];
        byte[] jpeg =
        [
            0xFF, 0xD8,
            .. ExifSample.JpegSegment(0xE0, jfifWithThumbnail),
            .. ExifSample.JpegSegment(0xE1, [.. "Exif\0\0"u8, .. ExifSample.Tiff(orientation: 1)]),
            .. ExifSample.JpegSegment(0xE1, Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>XMP-MARKER</x:xmpmeta>")),
            .. ExifSample.JpegSegment(0xE2, icc),
            .. ExifSample.JpegSegment(0xE2, [.. "MPF\0"u8, .. "MPF-MARKER"u8]),
            .. ExifSample.JpegSegment(0xED, [.. "Photoshop 3.0\0"u8, .. "IPTC-MARKER"u8]),
            .. ExifSample.JpegSegment(0xEE, adobe),
            .. ExifSample.JpegSegment(0xFE, "COMMENT-MARKER"u8.ToArray()),
            .. ExifSample.JpegSegment(0xDB, tables),
            .. ExifSample.JpegSegment(0xC0, frame),
            .. ExifSample.JpegSegment(0xDA, scanHeader), .. entropy,
            0xFF, 0xD9, .. "TRAILER-MARKER"u8,
        ];

        var stripped = ImageMetadata.Strip(jpeg, s_jpeg);

        byte[] expected =
        [
            0xFF, 0xD8,
            .. ExifSample.JpegSegment(0xE0, [.. jfifWithThumbnail[..12], 0, 0]),
            .. ExifSample.JpegSegment(0xE2, icc),
            .. ExifSample.JpegSegment(0xEE, adobe),
            .. ExifSample.JpegSegment(0xDB, tables),
            .. ExifSample.JpegSegment(0xC0, frame),
            .. ExifSample.JpegSegment(0xDA, scanHeader), .. entropy,
            0xFF, 0xD9,
        ];
        Assert.Equal(expected, stripped);
        ExifSample.AssertNoMarker(stripped!);
    }

    [Fact]
    public void AJpegTakenSidewaysKeepsItsOrientationAsTheOnlyExifTag()
    {
        byte[] jpeg =
        [
            0xFF, 0xD8,
            .. ExifSample.JpegSegment(0xE1, [.. "Exif\0\0"u8, .. ExifSample.Tiff(orientation: 6)]),
            .. ExifSample.JpegSegment(0xDB, [0x00, .. new byte[64]]),
            0xFF, 0xD9,
        ];

        var stripped = ImageMetadata.Strip(jpeg, s_jpeg)!;

        ExifSample.AssertNoMarker(stripped);
        Assert.Equal([0xFF, 0xD8, 0xFF, 0xE1], stripped[..4]);
        var exif = stripped.AsSpan(4 + 2, BinaryPrimitives.ReadUInt16BigEndian(stripped.AsSpan(4)) - 2);
        Assert.True(exif.StartsWith("Exif\0\0"u8));
        Assert.Equal(6, ImageMetadata.Orientation(exif[6..]));
        Assert.Equal(6 + 26, exif.Length);
    }

    [Fact]
    public void APngLosesItsTextExifAndPrivateChunksButKeepsItsColourAndPixels()
    {
        var header = ExifSample.PngChunk("IHDR", [0, 0, 0, 2, 0, 0, 0, 2, 8, 6, 0, 0, 0]);
        var profile = ExifSample.PngChunk("iCCP", [.. "sRGB\0\0"u8, 1, 2, 3]);
        var pixels = ExifSample.PngChunk("IDAT", [1, 2, 3, 4]);
        var end = ExifSample.PngChunk("IEND", []);
        byte[] png =
        [
            .. Signature, .. header, .. profile,
            .. ExifSample.PngChunk("tEXt", [.. "Comment\0"u8, .. "COMMENT-MARKER"u8]),
            .. ExifSample.PngChunk("zTXt", [.. "Author\0"u8, 0, 0x78, 0x9C]),
            .. ExifSample.PngChunk("iTXt", Encoding.ASCII.GetBytes("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>XMP-MARKER</x:xmpmeta>")),
            .. ExifSample.PngChunk("eXIf", ExifSample.Tiff(orientation: 1)),
            .. ExifSample.PngChunk("tIME", [7, 234, 12, 1, 4, 5, 6]),
            .. ExifSample.PngChunk("prVt", "PRIVATE-MARKER"u8.ToArray()),
            .. pixels, .. end, .. "TRAILER-MARKER"u8,
        ];

        var stripped = ImageMetadata.Strip(png, s_png)!;

        Assert.Equal([.. Signature, .. header, .. profile, .. pixels, .. end], stripped);
        ExifSample.AssertNoMarker(stripped);
    }

    [Fact]
    public void APngTakenSidewaysKeepsItsOrientationInAnExifChunkBeforeItsPixels()
    {
        var header = ExifSample.PngChunk("IHDR", [0, 0, 0, 2, 0, 0, 0, 2, 8, 6, 0, 0, 0]);
        byte[] png = [.. Signature, .. header, .. ExifSample.PngChunk("eXIf", ExifSample.Tiff(orientation: 8)), .. ExifSample.PngChunk("IDAT", [1, 2]), .. ExifSample.PngChunk("IEND", [])];

        var stripped = ImageMetadata.Strip(png, s_png)!;

        ExifSample.AssertNoMarker(stripped);
        var at = Signature.Length + header.Length;
        Assert.Equal("eXIf"u8.ToArray(), stripped[(at + 4)..(at + 8)]);
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(stripped.AsSpan(at));
        Assert.Equal(ExifSample.PngChunk("eXIf", stripped[(at + 8)..(at + 8 + length)]), stripped[at..(at + 12 + length)]); // its CRC is right
        Assert.Equal(8, ImageMetadata.Orientation(stripped.AsSpan(at + 8, length)));
        Assert.Equal("IDAT"u8.ToArray(), stripped[(at + 12 + length + 4)..(at + 12 + length + 8)]);
    }

    [Fact]
    public void AWebPLosesItsExifAndXmpChunksAndTheirFlags()
    {
        byte[] flags = [0x20 | 0x08 | 0x04, 0, 0, 0, 1, 0, 0, 1, 0, 0];
        var profile = ExifSample.RiffChunk("ICCP", [1, 2, 3, 4]);
        var pixels = ExifSample.RiffChunk("VP8L", [0x2F, 1, 2, 3, 4]);
        var webP = WebP(
            [.. ExifSample.RiffChunk("VP8X", flags), .. profile, .. pixels,
                .. ExifSample.RiffChunk("EXIF", ExifSample.Tiff(orientation: 1)),
                .. ExifSample.RiffChunk("XMP ", Encoding.ASCII.GetBytes("<x:xmpmeta>XMP-MARKER</x:xmpmeta>"))],
            "TRAILER-MARKER"u8.ToArray());

        var stripped = ImageMetadata.Strip(webP, s_webP);

        Assert.Equal(WebP([.. ExifSample.RiffChunk("VP8X", [0x20, .. flags[1..]]), .. profile, .. pixels], []), stripped);
        ExifSample.AssertNoMarker(stripped!);
    }

    [Fact]
    public void AWebPTakenSidewaysKeepsItsOrientationAsTheOnlyExifTag()
    {
        byte[] flags = [0x08, 0, 0, 0, 1, 0, 0, 1, 0, 0];
        var pixels = ExifSample.RiffChunk("VP8L", [0x2F, 1, 2, 3, 4]);
        var webP = WebP([.. ExifSample.RiffChunk("VP8X", flags), .. pixels, .. ExifSample.RiffChunk("EXIF", [.. "Exif\0\0"u8, .. ExifSample.Tiff(orientation: 3)])], []);

        var stripped = ImageMetadata.Strip(webP, s_webP)!;

        ExifSample.AssertNoMarker(stripped);
        var exifAt = 12 + 18 + pixels.Length;
        Assert.Equal(WebP([.. ExifSample.RiffChunk("VP8X", flags), .. pixels, .. stripped[exifAt..]], []), stripped);
        Assert.Equal("EXIF"u8.ToArray(), stripped[exifAt..(exifAt + 4)]);
        Assert.Equal(3, ImageMetadata.Orientation(stripped.AsSpan(exifAt + 8)));
    }

    [Fact]
    public void AFileWhoseStructureBreaksOffIsNotStored()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE1, 0x40, 0x00, .. "Exif\0\0"u8];
        byte[] png = [.. Signature, 0, 0, 0, 13, .. "IHDR"u8, 0, 0];

        Assert.Null(ImageMetadata.Strip(jpeg, s_jpeg));
        Assert.Null(ImageMetadata.Strip(png, s_png));
        Assert.Null(ImageMetadata.Strip(WebP(ExifSample.RiffChunk("VP8L", [1, 2, 3])).AsSpan(..^2), s_webP));
    }

    [Theory]
    [InlineData(8000, 5000, true)]
    [InlineData(6000, 4000, true)]
    [InlineData(8001, 5000, false)]
    [InlineData(30000, 30000, false)]
    [InlineData(65535, 65535, false)]
    [InlineData(0, 100, false)]
    public void AnImageOverFortyMegapixelsIsRefused(int width, int height, bool accepted) =>
        Assert.Equal(accepted, MediaFile.IsWithinPixelLimit(width, height));

    [Fact]
    public void ThePixelCountIsReadFromThePngHeaderOnly()
    {
        var image = ImageFormat.Detect(ImageFormatTests.Png(30000, 30000));

        Assert.Equal(900_000_000L, image!.Pixels);
        byte[] notHeaderFirst = [.. ImageFormatTests.Png(100, 100)];
        "tEXt"u8.CopyTo(notHeaderFirst.AsSpan(12));
        Assert.Null(ImageFormat.Detect(notHeaderFirst));
    }

    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];



    private static byte[] WebP(byte[] chunks, byte[]? after = null)
    {
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)(4 + chunks.Length));
        return [.. "RIFF"u8, .. size, .. "WEBP"u8, .. chunks, .. after ?? []];
    }
}
