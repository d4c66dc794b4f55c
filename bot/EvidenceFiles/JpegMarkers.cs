namespace Trygg.EvidenceFiles;

/// <summary>
/// Takes the application blocks out of a JPEG file without decoding it, for the photos inside a PDF: a PDF viewer draws
/// the compressed picture as it is, so re-encoding is not needed and the picture stays exactly as the member sent it.
/// Kept: the JFIF header, an ICC colour profile and Adobe's colour-transform block (the picture's colours depend on
/// them). Taken out: EXIF and XMP (APP1: position, camera, time, thumbnail), Photoshop's IPTC (APP13), every other
/// application block and comments, and anything after the end of the picture. The picture data is copied as it is.
/// </summary>
internal static class JpegMarkers
{
    private const byte Marker = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;
    private const byte App0 = 0xE0;
    private const byte App2 = 0xE2;
    private const byte App14 = 0xEE;
    private const byte Comment = 0xFE;

    /// <summary>
    /// The JPEG without those blocks, ending at its end-of-image marker: what follows it (a phone's second picture with
    /// its own EXIF, a maker's trailer, a motion photo's video) is not part of the picture and is left out; a picture cut
    /// off before that marker is kept as far as it goes. Null when its header cannot be read.
    /// </summary>
    public static byte[]? Strip(byte[]? jpeg)
    {
        if (jpeg is null || jpeg.Length < 4 || jpeg[0] != Marker || jpeg[1] != StartOfImage)
        {
            return null;
        }

        var output = new List<byte>(jpeg.Length) { Marker, StartOfImage };
        var i = 2;
        while (i + 1 < jpeg.Length)
        {
            if (jpeg[i] != Marker)
            {
                return null;
            }

            var kind = jpeg[i + 1];
            if (kind == Marker)
            {
                i++; // fill bytes before a marker
                continue;
            }

            if (kind == EndOfImage)
            {
                output.AddRange([Marker, EndOfImage]);
                return [.. output];
            }

            if (kind is >= 0xD0 and <= 0xD7 or 0x01)
            {
                output.AddRange(jpeg.AsSpan(i, 2)); // markers without a length
                i += 2;
                continue;
            }

            if (i + 3 >= jpeg.Length)
            {
                return null;
            }

            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (length < 2 || i + 2 + length > jpeg.Length)
            {
                return null;
            }

            var segment = jpeg.AsSpan(i, 2 + length);
            if (Keeps(kind, segment[4..]))
            {
                output.AddRange(segment);
            }

            i += 2 + length;
            if (kind == StartOfScan)
            {
                // The picture data of this scan, to the next marker: inside it a 0xFF is followed by 0x00 (a byte of data)
                // or a restart marker. A progressive JPEG has several scans, with tables between them.
                var start = i;
                while (i + 1 < jpeg.Length && !(jpeg[i] == Marker && jpeg[i + 1] != 0x00 && jpeg[i + 1] is not (>= 0xD0 and <= 0xD7)))
                {
                    i++;
                }

                if (i + 1 >= jpeg.Length)
                {
                    // No end-of-image marker: a cut-off picture, which viewers still draw. Kept as far as it goes.
                    output.AddRange(jpeg.AsSpan(start));
                    return [.. output];
                }

                output.AddRange(jpeg.AsSpan(start, i - start));
            }
        }

        return null;
    }

    private static bool Keeps(byte kind, ReadOnlySpan<byte> payload) => kind switch
    {
        App0 => payload.StartsWith("JFIF\0"u8),
        App2 => payload.StartsWith("ICC_PROFILE\0"u8),
        App14 => payload.StartsWith("Adobe"u8),
        Comment => false,
        >= 0xE0 and <= 0xEF => false,
        _ => true,
    };
}
