using System.Buffers.Binary;

namespace PiriSite.Domain.Content;

// WebP: RIFF chunks, little-endian sizes padded to an even length; VP8X flags say which optional chunks follow.
public static partial class ImageMetadata
{
    private static readonly HashSet<string> s_webPKept = ["VP8X", "VP8 ", "VP8L", "ALPH", "ANIM", "ANMF", "ICCP"];

    private const byte WebPExifFlag = 0x08;
    private const byte WebPXmpFlag = 0x04;

    private static byte[]? StripWebP(ReadOnlySpan<byte> data)
    {
        if (data.Length < 20 || !data[..4].SequenceEqual("RIFF"u8) || !data[8..12].SequenceEqual("WEBP"u8))
        {
            return null;
        }

        var riffEnd = 8 + (long)BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (riffEnd > data.Length)
        {
            return null;
        }

        var output = new List<byte>(data.Length);
        output.AddRange(data[..12]);
        var orientation = TopLeft;
        var extendedHeader = -1;
        var i = 12;
        while (i < riffEnd)
        {
            if (i + 8 > riffEnd)
            {
                return null;
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(data[(i + 4)..]);
            var padded = 8 + (long)size + (size & 1);
            if (i + 8 + (long)size > riffEnd)
            {
                return null;
            }

            var fourCc = System.Text.Encoding.ASCII.GetString(data.Slice(i, 4));
            var chunk = data.Slice(i, (int)Math.Min(padded, riffEnd - i));
            if (fourCc == "EXIF" && orientation == TopLeft)
            {
                var tiff = chunk.Slice(8, (int)size);
                orientation = Orientation(tiff.StartsWith("Exif\0\0"u8) ? tiff[6..] : tiff);
            }

            if (s_webPKept.Contains(fourCc))
            {
                if (fourCc == "VP8X" && extendedHeader < 0 && size >= 10)
                {
                    extendedHeader = output.Count;
                }

                output.AddRange(chunk);
                if ((size & 1) == 1 && chunk.Length == 8 + size)
                {
                    output.Add(0); // a last chunk written without its padding byte
                }
            }

            i += (int)padded;
        }

        if (extendedHeader >= 0)
        {
            output[extendedHeader + 8] = (byte)(output[extendedHeader + 8] & ~(WebPExifFlag | WebPXmpFlag));
            if (orientation != TopLeft)
            {
                // A simple (non-VP8X) WebP cannot carry EXIF at all, so only an extended one can need this.
                output[extendedHeader + 8] |= WebPExifFlag;
                var tiff = OrientationTiff(orientation);
                output.AddRange("EXIF"u8.ToArray());
                output.AddRange(LittleEndian((uint)tiff.Length));
                output.AddRange(tiff);
            }
        }

        var riffSize = LittleEndian((uint)(output.Count - 8));
        for (var b = 0; b < 4; b++)
        {
            output[4 + b] = riffSize[b];
        }

        return [.. output];
    }

    private static byte[] LittleEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }
}
