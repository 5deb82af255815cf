using PiriSite.Domain.Content;

namespace PiriSite.Domain.Tests.Content;

public class ImageFormatTests
{
    public static byte[] Png(int width, int height)
    {
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
            (byte)(width >> 24), (byte)(width >> 16), (byte)(width >> 8), (byte)width,
            (byte)(height >> 24), (byte)(height >> 16), (byte)(height >> 8), (byte)height, 8, 6, 0, 0, 0];
        return bytes;
    }

    [Fact]
    public void APngIsRecognisedWithItsSize() =>
        Assert.Equal(new DetectedImage("image/png", "png", 640, 480), ImageFormat.Detect(Png(640, 480)));

    [Fact]
    public void AJpegIsRecognisedWithItsSizeFromTheFrameHeader()
    {
        // SOI, an APP0 segment of 16 bytes, then SOF0 with height 300 and width 500.
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. new byte[14], 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x01, 0xF4, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        Assert.Equal(new DetectedImage("image/jpeg", "jpg", 500, 300), ImageFormat.Detect(jpeg));
    }

    [Fact]
    public void AWebPIsRecognisedWithItsSize()
    {
        // RIFF....WEBPVP8X with a 1024 x 768 canvas (stored minus one, 24-bit little-endian).
        byte[] webp = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8, .. "VP8X"u8, 10, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0x03, 0x00, 0xFF, 0x02, 0x00];

        Assert.Equal(new DetectedImage("image/webp", "webp", 1024, 768), ImageFormat.Detect(webp));
    }

    [Theory]
    [InlineData("GIF89a............................")]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>")]
    [InlineData("%PDF-1.7 ..........................")]
    [InlineData("<html><script>alert(1)</script></html>")]
    [InlineData("")]
    public void AnythingElseIsNotAnImage(string content) =>
        Assert.Null(ImageFormat.Detect(System.Text.Encoding.ASCII.GetBytes(content)));
}
