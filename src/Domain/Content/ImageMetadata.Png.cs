using System.Buffers.Binary;

namespace PiriSite.Domain.Content;

// PNG: length-prefixed chunks, each with a CRC over its type and data.
public static partial class ImageMetadata
{
    // Chunks that carry pixels, their colour or their animation; everything else (eXIf, tEXt, zTXt, iTXt,
    // tIME, a program's private chunks) is left out.
    private static readonly HashSet<string> s_pngKept =
    [
        "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD",
        "cICP", "mDCV", "cLLI", "acTL", "fcTL", "fdAT",
    ];

    private static byte[]? StripPng(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8)
        {
            return null;
        }

        var output = new List<byte>(data.Length);
        output.AddRange(data[..8]);
        var orientation = TopLeft;
        var firstImageData = -1;
        var i = 8;
        var ended = false;
        while (!ended)
        {
            if (i + 12 > data.Length)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
            if (length > int.MaxValue || i + 12 + (long)length > data.Length)
            {
                return null;
            }

            var type = System.Text.Encoding.ASCII.GetString(data.Slice(i + 4, 4));
            var chunk = data.Slice(i, 12 + (int)length);
            if (type == "eXIf" && orientation == TopLeft)
            {
                orientation = Orientation(chunk.Slice(8, (int)length));
            }

            if (s_pngKept.Contains(type))
            {
                if (type == "IDAT" && firstImageData < 0)
                {
                    firstImageData = output.Count;
                }

                output.AddRange(chunk);
            }

            ended = type == "IEND"; // anything appended after the end goes too
            i += chunk.Length;
        }

        if (orientation != TopLeft && firstImageData >= 0)
        {
            // eXIf must come before the image data.
            output.InsertRange(firstImageData, PngChunk("eXIf"u8, OrientationTiff(orientation)));
        }

        return [.. output];
    }

    private static byte[] PngChunk(ReadOnlySpan<byte> type, byte[] body)
    {
        var chunk = new byte[12 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)body.Length);
        type.CopyTo(chunk.AsSpan(4));
        body.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + body.Length), Crc32(chunk.AsSpan(4, 4 + body.Length)));
        return chunk;
    }

    /// <summary>PNG's CRC-32 (ISO 3309), over a chunk's type and data.</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
