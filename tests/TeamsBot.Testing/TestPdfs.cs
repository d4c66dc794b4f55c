using System.Globalization;
using System.Text;

namespace Trygg.Testing;

/// <summary>Small valid PDFs written byte by byte (with a correct cross-reference table), so a test controls every object.</summary>
public static class TestPdfs
{
    public const string Author = "Anna Hemligsson";
    public const string Producer = "HemligProducent 1.0";
    public const string Creator = "HemligSkapare";
    public const string CreationDate = "D:20261101120000+01'00'";
    public const string ModifiedDate = "D:20261102120000+01'00'";
    public const string Text = "Vi vet var du bor";

    /// <summary>
    /// One page that says <see cref="Text"/>, with an information dictionary (author, producer, creator, title, subject,
    /// keywords, dates), an XMP stream naming <see cref="Author"/> and an editor's private data on the page: what a
    /// member's PDF may give away.
    /// </summary>
    public static byte[] OnePage()
    {
        var xmp = "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
            + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            + $"<dc:creator><rdf:Seq><rdf:li>{Author}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
        var content = $"BT /F1 12 Tf 20 100 Td ({Text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 6 0 R >> >> /Contents 7 0 R /PieceInfo << /Editor << /Private (Hemlig redigerare) >> >> >>",
            $"<< /Type /Metadata /Subtype /XML /Length {xmp.Length} >>\nstream\n{xmp}\nendstream",
            $"<< /Author ({Author}) /Producer ({Producer}) /Creator ({Creator}) /Title (Hotbrev) /Subject (Hemligt) /Keywords (Hemligt)"
                + $" /CreationDate ({CreationDate}) /ModDate ({ModifiedDate}) >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
        ];
        return Build([.. objects.Select(o => Encoding.ASCII.GetBytes(o))], "/Info 5 0 R");
    }

    /// <summary>
    /// One page showing <paramref name="jpeg"/> as it is (an image XObject with DCTDecode, the way a scanning app or
    /// "print to PDF" places a photo): whatever the JPEG carries in its header is inside the PDF.
    /// </summary>
    public static byte[] WithPhoto(byte[] jpeg, int width, int height)
    {
        var image = Encoding.ASCII.GetBytes(
            $"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceRGB /BitsPerComponent 8"
            + $" /Filter /DCTDecode /Length {jpeg.Length} >>\nstream\n");
        var content = $"q {width} 0 0 {height} 10 10 cm /Im1 Do Q";
        byte[][] objects =
        [
            Encoding.ASCII.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"),
            Encoding.ASCII.GetBytes("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Encoding.ASCII.GetBytes("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>"),
            [.. image, .. jpeg, .. "\nendstream"u8.ToArray()],
            Encoding.ASCII.GetBytes($"<< /Length {content.Length} >>\nstream\n{content}\nendstream"),
        ];
        return Build(objects, string.Empty);
    }

    private static byte[] Build(byte[][] objects, string trailer)
    {
        var pdf = new List<byte>(Encoding.ASCII.GetBytes("%PDF-1.4\n"));
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Count);
            pdf.AddRange(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            pdf.AddRange(objects[i]);
            pdf.AddRange("\nendobj\n"u8.ToArray());
        }

        var xref = pdf.Count;
        var tail = new StringBuilder();
        tail.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            tail.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        tail.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R {trailer} >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.AddRange(Encoding.ASCII.GetBytes(tail.ToString()));
        return [.. pdf];
    }
}
