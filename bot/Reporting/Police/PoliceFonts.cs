using PdfSharp.Fonts;

namespace Trygg.Reporting.Police;

/// <summary>
/// PDFsharp's fonts from the bot itself: DejaVu Sans, embedded from <c>Reporting/Police/Fonts</c> (free licence, in
/// <c>Fonts/LICENSE</c>). PDFsharp finds no fonts on Linux on its own, and a bot or CI machine has none to count on;
/// DejaVu has every Swedish letter. Every family asked for is DejaVu Sans: the PDF uses only that.
/// </summary>
internal sealed class PoliceFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();

    /// <summary>PDFsharp takes one resolver per process, set before its first font: set here, once, whoever asks first.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PoliceFonts)
            {
                GlobalFontSettings.FontResolver = new PoliceFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? Bold : Regular);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(PoliceFonts).Assembly.GetManifestResourceStream($"Police/{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
