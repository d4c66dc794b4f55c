using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Trygg.Manifest;

/// <summary>
/// Just enough of a PNG decoder to check the app icons: 8-bit RGB or RGBA, not interlaced, every row filter.
/// Verifies the signature and each chunk's CRC, so a truncated or corrupted file fails the test.
/// </summary>
internal sealed record Png(int Width, int Height, bool HasAlphaChannel, byte[] Rgba)
{
    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
        }
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                yield return this[x, y];
            }
        }
    }

    public static Png Decode(byte[] file)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!file.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new InvalidDataException("Not a PNG file.");
        }

        int width = 0, height = 0, colorType = -1;
        using var idat = new MemoryStream();
        var pos = 8;
        while (pos < file.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(pos));
            var type = Encoding.ASCII.GetString(file, pos + 4, 4);
            var data = file.AsSpan(pos + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(pos + 8 + length));
            if (crc != Crc32(file.AsSpan(pos + 4, length + 4)))
            {
                throw new InvalidDataException($"Bad CRC in chunk {type}.");
            }

            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    colorType = data[9];
                    if (data[8] != 8 || data[12] != 0 || colorType is not (2 or 6))
                    {
                        throw new InvalidDataException("Only 8-bit RGB/RGBA, non-interlaced PNGs are supported here.");
                    }

                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    pos = file.Length;
                    continue;
            }

            pos += 12 + length;
        }

        var channels = colorType == 6 ? 4 : 3;
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = width * channels;
        var previous = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var row = raw.AsSpan((y * (stride + 1)) + 1, stride).ToArray();
            Unfilter(filter, row, previous, channels);
            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 4;
                rgba[o] = row[x * channels];
                rgba[o + 1] = row[(x * channels) + 1];
                rgba[o + 2] = row[(x * channels) + 2];
                rgba[o + 3] = channels == 4 ? row[(x * channels) + 3] : (byte)255;
            }

            previous = row;
        }

        return new Png(width, height, channels == 4, rgba);
    }

    private static void Unfilter(byte filter, byte[] row, byte[] previous, int bpp)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int left = i >= bpp ? row[i - bpp] : 0, up = previous[i], upLeft = i >= bpp ? previous[i - bpp] : 0;
            row[i] = (byte)(row[i] + filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
            });
        }
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
