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
public static partial class ImageMetadata
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
}
