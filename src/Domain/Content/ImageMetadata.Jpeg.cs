using System.Buffers.Binary;

namespace PiriSite.Domain.Content;

// JPEG: markers and segments; the entropy-coded scan data is copied as it is.
public static partial class ImageMetadata
{
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
}
