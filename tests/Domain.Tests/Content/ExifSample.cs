using System.Buffers.Binary;
using System.Text;

namespace PiriSite.Domain.Tests.Content;

/// <summary>
/// EXIF as a phone writes it, with the values an upload must not leak: the GPS position, the camera's serial
/// number and its owner's name. Each carries a marker the tests look for in what is stored.
/// </summary>
public static class ExifSample
{
    public static readonly string[] Markers = ["SERIAL-MARKER", "OWNER-MARKER", "XMP-MARKER", "COMMENT-MARKER", "IPTC-MARKER", "MPF-MARKER", "PRIVATE-MARKER", "TRAILER-MARKER", "xmpmeta", "ns.adobe.com/xap"];

    /// <summary>GPS latitude 48° 51' 30.24" as three rationals: bytes that appear nowhere else.</summary>
    public static readonly byte[] Latitude = [48, 0, 0, 0, 1, 0, 0, 0, 51, 0, 0, 0, 1, 0, 0, 0, 0xA0, 0x0B, 0, 0, 100, 0, 0, 0];

    /// <summary>A little-endian TIFF: IFD0 with orientation, owner, serial and a GPS IFD with latitude N 48° 51' 30.24".</summary>
    public static byte[] Tiff(int orientation)
    {
        var serial = Encoding.ASCII.GetBytes("SERIAL-MARKER-0042\0");
        var owner = Encoding.ASCII.GetBytes("OWNER-MARKER Jane Client\0");
        const int ifd0 = 8, entries0 = 4;
        var gpsIfd = ifd0 + 2 + (entries0 * 12) + 4;
        const int entriesGps = 2;
        var latitudeAt = gpsIfd + 2 + (entriesGps * 12) + 4;
        var serialAt = latitudeAt + Latitude.Length;
        var ownerAt = serialAt + serial.Length;
        var tiff = new byte[ownerAt + owner.Length];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), ifd0);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(ifd0), entries0);
        Entry(tiff, ifd0 + 2, 0x0112, 3, 1, (uint)orientation);
        Entry(tiff, ifd0 + 14, 0x8825, 4, 1, (uint)gpsIfd);
        Entry(tiff, ifd0 + 26, 0xA430, 2, (uint)owner.Length, (uint)ownerAt);
        Entry(tiff, ifd0 + 38, 0xA431, 2, (uint)serial.Length, (uint)serialAt);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(gpsIfd), entriesGps);
        Entry(tiff, gpsIfd + 2, 0x0001, 2, 2, 'N');
        Entry(tiff, gpsIfd + 14, 0x0002, 5, 3, (uint)latitudeAt);
        Latitude.CopyTo(tiff, latitudeAt);
        serial.CopyTo(tiff, serialAt);
        owner.CopyTo(tiff, ownerAt);
        return tiff;
    }

    public static void AssertNoMarker(byte[] stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var text = Encoding.Latin1.GetString(stored);
        foreach (var marker in Markers)
        {
            Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
        }

        Assert.Equal(-1, stored.AsSpan().IndexOf(Latitude));
    }

    public static uint Crc32(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var crc = uint.MaxValue;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
            }
        }

        return ~crc;
    }

    private static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), value);
    }

    /// <summary>A JPEG segment: marker, big-endian length (payload + 2), payload.</summary>
    public static byte[] JpegSegment(byte marker, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2), .. payload];
    }

    /// <summary>A PNG chunk: length, type, data and the CRC of type and data.</summary>
    public static byte[] PngChunk(string type, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        typeAndData.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typeAndData));
        return chunk;
    }

    /// <summary>A RIFF (WebP) chunk: FourCC, little-endian size, data, padded to an even length.</summary>
    public static byte[] RiffChunk(string fourCc, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
        return [.. Encoding.ASCII.GetBytes(fourCc), .. size, .. data, .. (data.Length % 2 == 1 ? new byte[1] : [])];
    }
}
