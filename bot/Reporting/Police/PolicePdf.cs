using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Trygg.Texts;

namespace Trygg.Reporting.Police;

/// <summary>
/// "Underlag för polisanmälan" as a PDF: the same <see cref="PoliceSummary"/> as the card, on A4, with the font the
/// bot ships (<see cref="PoliceFonts"/>), so it reads the same on any machine and can be printed or shown at the police
/// station. Text is written as Unicode so that a reader can search and copy it.
/// </summary>
internal static class PolicePdf
{
    private const double Margin = 56;
    private const double LineGap = 3;

    public static byte[] Write(PoliceSummary summary, Language language)
    {
        ArgumentNullException.ThrowIfNull(summary);
        PoliceFonts.Install();
        var t = PoliceTexts.For(language);
        using var document = new PdfDocument();
        document.Info.Title = $"{summary.Title} {summary.CaseNumber}";
        document.Info.Creator = "Trygg";

        var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var title = new XFont(PoliceFonts.Family, 18, XFontStyleEx.Bold, unicode);
        var heading = new XFont(PoliceFonts.Family, 11.5, XFontStyleEx.Bold, unicode);
        var text = new XFont(PoliceFonts.Family, 10.5, XFontStyleEx.Regular, unicode);
        var small = new XFont(PoliceFonts.Family, 8.5, XFontStyleEx.Regular, unicode);

        var writer = new PageWriter(document);
        writer.Paragraph(summary.Title, title, 8);
        writer.Paragraph(summary.Intro, text, 10);
        if (summary.Status is { Length: > 0 } status)
        {
            writer.Paragraph(status, heading, 10);
        }

        foreach (var section in summary.Sections)
        {
            writer.Paragraph(section.Title, heading, 2);
            foreach (var line in section.Lines)
            {
                writer.Paragraph(line, text, 2);
            }

            writer.Space(8);
        }

        writer.Paragraph(summary.HowToReport, heading, 2);
        writer.Paragraph(PoliceVerbs.ReportOnlineUrl, text, 14);
        writer.Paragraph(t.Footer, small, 0);
        writer.Dispose();

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Writes wrapped paragraphs top to bottom, starting a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document) : IDisposable
    {
        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;

        public void Space(double points) => _y += points;

        public void Paragraph(string text, XFont font, double after)
        {
            foreach (var part in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
            {
                foreach (var line in Wrap(part, font).ToList())
                {
                    var height = font.GetHeight() + LineGap;
                    var graphics = Room(height);
                    graphics.DrawString(line, font, XBrushes.Black, Margin, _y + font.GetHeight() * 0.8);
                    _y += height;
                }
            }

            _y += after;
        }

        private IEnumerable<string> Wrap(string text, XFont font)
        {
            var graphics = Room(0);
            var width = _page!.Width.Point - 2 * Margin;
            var line = string.Empty;
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = candidate;
                }

                // A word wider than the page (a long link) is cut where it no longer fits.
                while (graphics.MeasureString(line, font).Width > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && graphics.MeasureString(line[..cut], font).Width > width)
                    {
                        cut--;
                    }

                    yield return line[..cut];
                    line = line[cut..];
                }
            }

            yield return line;
        }

        private XGraphics Room(double height)
        {
            if (_graphics is null || _y + height > _page!.Height.Point - Margin)
            {
                _graphics?.Dispose();
                _page = document.AddPage();
                _page.Size = PdfSharp.PageSize.A4;
                _graphics = XGraphics.FromPdfPage(_page);
                _y = Margin;
            }

            return _graphics;
        }

        public void Dispose() => _graphics?.Dispose();
    }
}
