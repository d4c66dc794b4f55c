using System.Text;

namespace Trygg.EvidenceFiles;

public sealed class JpegMarkersTests
{
    private static byte[] Segment(byte kind, string payload)
    {
        var body = Encoding.ASCII.GetBytes(payload);
        return [0xFF, kind, (byte)((body.Length + 2) >> 8), (byte)((body.Length + 2) & 0xFF), .. body];
    }

    /// <summary>A scan: its header, then picture data with a stuffed 0xFF 0x00 and a restart marker, then the end of the image.</summary>
    private static readonly byte[] Scan = [0xFF, 0xDA, 0x00, 0x02, 0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78, 0xFF, 0xD9];

    [Fact]
    public void Strip_KeepsWhatTheColoursNeed_AndDropsEverythingAboutThePhotographer()
    {
        byte[] jpeg =
        [
            0xFF, 0xD8,
            .. Segment(0xE0, "JFIF\0\x01\x02"),
            .. Segment(0xE1, "Exif\0\0camera"),
            .. Segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>"),
            .. Segment(0xE2, "ICC_PROFILE\0\x01\x01profile"),
            .. Segment(0xE2, "FPXR\0flashpix"),
            .. Segment(0xEE, "Adobe\0\x64"),
            .. Segment(0xFE, "a comment"),
            .. Segment(0xDB, "quant"),
            .. Scan,
            // After the end of the image: a phone's second picture with its own EXIF (MPF), then a maker's trailer.
            0xFF, 0xD8, .. Segment(0xE1, "Exif\0\0second camera"), .. Scan,
            .. Encoding.ASCII.GetBytes("SEFT trailer"),
        ];

        var stripped = JpegMarkers.Strip(jpeg);

        byte[] expected =
        [
            0xFF, 0xD8,
            .. Segment(0xE0, "JFIF\0\x01\x02"),
            .. Segment(0xE2, "ICC_PROFILE\0\x01\x01profile"),
            .. Segment(0xEE, "Adobe\0\x64"),
            .. Segment(0xDB, "quant"),
            .. Scan, // the picture data as it was, and nothing after its end
        ];
        Assert.Equal(expected, stripped);
    }

    /// <summary>A progressive JPEG: several scans with tables between them, all kept.</summary>
    [Fact]
    public void Strip_SeveralScans_KeepsEachWithTheTablesBetween()
    {
        byte[] firstScan = [0xFF, 0xDA, 0x00, 0x03, 0x01, 0xAA, 0xBB];
        byte[] jpeg = [0xFF, 0xD8, .. Segment(0xC4, "huff1"), .. firstScan, .. Segment(0xC4, "huff2"), .. Segment(0xE1, "Exif\0\0"), .. Scan];

        Assert.Equal([0xFF, 0xD8, .. Segment(0xC4, "huff1"), .. firstScan, .. Segment(0xC4, "huff2"), .. Scan], JpegMarkers.Strip(jpeg));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 })]                   // not a JPEG
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE1, 0x40, 0x00, 0x01 })] // a segment longer than the file
    [InlineData(new byte[] { 0xFF, 0xD8, 0x00, 0x00, 0x00 })]             // no marker where one must be
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x02 })]       // no picture data
    public void Strip_AHeaderItCannotRead_GivesNothing(byte[] bytes) => Assert.Null(JpegMarkers.Strip(bytes));

    /// <summary>A picture cut off before its end (viewers still draw it): kept as far as it goes, its blocks gone.</summary>
    [Fact]
    public void Strip_PictureDataWithNoEnd_IsKeptAsFarAsItGoes()
    {
        byte[] cut = [0xFF, 0xDA, 0x00, 0x02, 0x12, 0x34, 0xFF, 0x00, 0x56];

        Assert.Equal([0xFF, 0xD8, .. cut], JpegMarkers.Strip([0xFF, 0xD8, .. Segment(0xE1, "Exif\0\0camera"), .. cut]));
    }
}
