using System.Buffers.Binary;

namespace PiriSite.Domain.Content;

/// <summary>
/// Removes what a camera or an editing program writes beside the pixels (EXIF with its GPS position and camera
/// serial number, XMP, comments, thumbnails, text chunks) from an uploaded JPEG, PNG or WebP, without decoding or
/// re-encoding it: the stored original keeps its exact pixels and colour profile and loses everything else.
/// </summary>
/// <remarks>
/// Segments are kept by a list of what rendering needs, never dropped by a list of what is known to leak, so a
/// program's private chunk goes too. The one EXIF value kept is the orientation, written afresh as the only tag
/// of a new EXIF block: browsers turn a camera's sideways pixels upright from it, and turning the pixels here
/// instead would mean re-encoding the original.
/// </remarks>
public static class ImageMetadata
{
    private const int TopLeft = 1;

    /// <summary>The image without its metadata, or null when its structure cannot be followed to the end.</summary>
    public static byte[]? Strip(ReadOnlySpan<byte> data, DetectedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.ContentType switch
        {
            "image/jpeg" => StripJpeg(data),
            "image/png" => StripPng(data),
            "image/webp" => StripWebP(data),
            _ => null,
        };
    }

    private static byte[]? StripJpeg(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            return null;
        }

        var output = new List<byte>(data.Length) { 0xFF, 0xD8 };
        var orientation = TopLeft;
        var orientationAt = -1;
        var i = 2;
        while (true)
        {
            if (i >= data.Length)
            {
                // A file cut short after its last scan: nothing follows to strip.
                break;
            }

            if (data[i] != 0xFF)
            {
                return null;
            }

            while (i < data.Length && data[i] == 0xFF)
            {
                i++; // fill bytes
            }

            if (i >= data.Length)
            {
                return null;
            }

            var marker = data[i++];
            if (marker == 0xD9)
            {
                // End of image: whatever a phone appends after it (a second picture, a video) is dropped too.
                output.AddRange([0xFF, 0xD9]);
                break;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                output.AddRange([0xFF, marker]);
                continue;
            }

            if (i + 2 > data.Length)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
            if (length < 2 || i + length > data.Length)
            {
                return null;
            }

            var payload = data.Slice(i + 2, length - 2);
            var segmentEnd = i + length;
            var isApp0 = marker == 0xE0;
            if (orientationAt < 0 && !isApp0)
            {
                orientationAt = output.Count; // EXIF goes after SOI and JFIF, before the tables
            }

            switch (marker)
            {
                case 0xE0 when payload.StartsWith("JFIF\0"u8) && payload.Length >= 12:
                    // JFIF without its thumbnail: a thumbnail can show what the published crop left out.
                    output.AddRange([0xFF, 0xE0, 0x00, 0x10]);
                    output.AddRange(payload[..12]);
                    output.AddRange([0x00, 0x00]);
                    break;
                case 0xE1:
                    if (payload.StartsWith("Exif\0\0"u8) && orientation == TopLeft)
                    {
                        orientation = Orientation(payload[6..]);
                    }

                    break;
                case 0xE2 when payload.StartsWith("ICC_PROFILE\0"u8):
                case 0xEE when payload.StartsWith("Adobe"u8):
                    // The colour profile, and Adobe's colour-transform flag that CMYK JPEGs need to decode right.
                    output.AddRange(data.Slice(i - 2, length + 2));
                    break;
                case >= 0xE0 and <= 0xEF:
                case 0xFE:
                    break; // other application segments and comments
                default:
                    output.AddRange(data.Slice(i - 2, length + 2));
                    break;
            }

            i = segmentEnd;
            if (marker == 0xDA)
            {
                // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
                var start = i;
                while (i + 1 < data.Length && !(data[i] == 0xFF && data[i + 1] != 0x00 && data[i + 1] is < 0xD0 or > 0xD7))
                {
                    i++;
                }

                if (i + 1 >= data.Length)
                {
                    i = data.Length;
                }

                output.AddRange(data[start..i]);
            }
        }

        if (orientation != TopLeft)
        {
            var exif = OrientationTiff(orientation);
            var segment = new List<byte> { 0xFF, 0xE1, 0x00, (byte)(2 + 6 + exif.Length) };
            segment.AddRange("Exif\0\0"u8.ToArray());
            segment.AddRange(exif);
            output.InsertRange(orientationAt < 0 ? 2 : orientationAt, segment);
        }

        return [.. output];
    }

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

    /// <summary>The orientation tag (1 to 8) of a TIFF structure as EXIF holds it; 1 (upright) when absent or unreadable.</summary>
    public static int Orientation(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return TopLeft;
        }

        var bigEndian = tiff[..2].SequenceEqual("MM"u8);
        if (!bigEndian && !tiff[..2].SequenceEqual("II"u8))
        {
            return TopLeft;
        }

        ushort U16(ReadOnlySpan<byte> at) => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(at) : BinaryPrimitives.ReadUInt16LittleEndian(at);
        uint U32(ReadOnlySpan<byte> at) => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(at) : BinaryPrimitives.ReadUInt32LittleEndian(at);

        var ifd = U32(tiff[4..]);
        if (ifd > tiff.Length - 2)
        {
            return TopLeft;
        }

        var count = U16(tiff[(int)ifd..]);
        for (var entry = 0; entry < count; entry++)
        {
            var at = (int)ifd + 2 + (entry * 12);
            if (at + 12 > tiff.Length)
            {
                break;
            }

            if (U16(tiff[at..]) == 0x0112 && U16(tiff[(at + 2)..]) == 3)
            {
                var value = U16(tiff[(at + 8)..]);
                return value is >= 1 and <= 8 ? value : TopLeft;
            }
        }

        return TopLeft;
    }

    /// <summary>A TIFF structure with one tag, the orientation: all the EXIF a stored image keeps.</summary>
    private static byte[] OrientationTiff(int orientation) =>
    [
        (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian, first IFD at 8
        0x00, 0x01, // one entry
        0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, (byte)orientation, 0x00, 0x00, // Orientation, SHORT, 1
        0x00, 0x00, 0x00, 0x00, // no next IFD
    ];

    private static byte[] PngChunk(ReadOnlySpan<byte> type, byte[] body)
    {
        var chunk = new byte[12 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)body.Length);
        type.CopyTo(chunk.AsSpan(4));
        body.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + body.Length), Crc32(chunk.AsSpan(4, 4 + body.Length)));
        return chunk;
    }

    private static byte[] LittleEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
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
