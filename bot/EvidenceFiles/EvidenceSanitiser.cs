using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using SkiaSharp;

namespace Trygg.EvidenceFiles;

/// <summary>What is stored for a file: the re-encoded image or the checked document, its type and file extension.</summary>
public sealed record SanitisedFile(byte[] Bytes, string ContentType, string Extension);

/// <summary>Why a file was not kept.</summary>
public enum EvidenceRefusal
{
    None,

    /// <summary>Not one of the kinds kept (judged by content, never by name).</summary>
    Type,

    /// <summary>Claims to be a kind we keep but cannot be read (a broken image or PDF, a huge canvas).</summary>
    Unreadable,

    /// <summary>
    /// A HEIC photo this build cannot decode: SkiaSharp's Linux native library has no HEIF codec (only Apple's and
    /// Android's builds of Skia decode it through the platform; SKCodec answers Unimplemented for a real HEIC), so the
    /// member is asked for a screenshot or a JPEG instead.
    /// </summary>
    Heic,
}

/// <summary>
/// Decides by the bytes, never the name, what a file is, and keeps only what the allow-list names: PNG, JPEG, HEIC
/// (when SkiaSharp decodes it), PDF, plain text and e-mail (.eml). Images are decoded and encoded anew, so EXIF and every
/// other embedded block (position, device, time, thumbnails) is left behind and the original bytes are never stored;
/// the EXIF orientation is applied first, so the picture still stands the right way up. A PDF is opened and saved
/// anew without its document information (author, creator, producer, dates), its XMP metadata on any object, and the
/// EXIF and other application blocks of the JPEG photos inside it (<see cref="JpegMarkers"/>). Text and e-mail
/// are kept as sent: they hold nothing hidden beside their text, and an e-mail's headers are part of the evidence.
/// </summary>
public static class EvidenceSanitiser
{
    /// <summary>Larger canvases are refused: a small compressed file can otherwise decode into gigabytes.</summary>
    internal const long MaxPixels = 50_000_000;

    private const int JpegQuality = 90;

    /// <summary>Written as bytes: in a UTF-8 literal "\x89" would be two bytes, and no PNG would match.</summary>
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];

    private static readonly string[] MailHeaders = ["from:", "received:", "return-path:", "message-id:", "mime-version:", "delivered-to:"];

    public static (SanitisedFile? File, EvidenceRefusal Refusal) Sanitise(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return Image(bytes, SKEncodedImageFormat.Png);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Image(bytes, SKEncodedImageFormat.Jpeg);
        }

        if (IsHeif(bytes))
        {
            return Image(bytes, SKEncodedImageFormat.Jpeg) is ({ } decoded, _) ? (decoded, EvidenceRefusal.None) : (null, EvidenceRefusal.Heic);
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return Pdf(bytes);
        }

        if (Text(bytes) is { } text)
        {
            return IsMail(text)
                ? (new SanitisedFile(bytes.ToArray(), "message/rfc822", ".eml"), EvidenceRefusal.None)
                : (new SanitisedFile(bytes.ToArray(), "text/plain; charset=utf-8", ".txt"), EvidenceRefusal.None);
        }

        return (null, EvidenceRefusal.Type);
    }

    /// <summary>ISO base media with a HEIF brand in its ftyp box (HEIC photos from phones).</summary>
    private static bool IsHeif(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8)
        && HeifBrands.Contains(Encoding.ASCII.GetString(bytes[8..12]), StringComparer.Ordinal);

    private static (SanitisedFile?, EvidenceRefusal) Image(ReadOnlySpan<byte> bytes, SKEncodedImageFormat format)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || (long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return (null, EvidenceRefusal.Unreadable);
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return (null, EvidenceRefusal.Unreadable);
        }

        using var upright = Upright(decoded, codec.EncodedOrigin);
        using var encoded = upright.Encode(format, JpegQuality);
        if (encoded is null)
        {
            return (null, EvidenceRefusal.Unreadable);
        }

        return format == SKEncodedImageFormat.Png
            ? (new SanitisedFile(encoded.ToArray(), "image/png", ".png"), EvidenceRefusal.None)
            : (new SanitisedFile(encoded.ToArray(), "image/jpeg", ".jpg"), EvidenceRefusal.None);
    }

    /// <summary>
    /// The PDF without its document information dictionary and without XMP metadata on any object, and its JPEG photos
    /// without their application blocks (<see cref="JpegMarkers"/>); what PDFsharp cannot open (damaged, encrypted), or a
    /// photo whose header cannot be read, is refused rather than kept with its metadata. PDFsharp names itself as the
    /// producer of the copy it writes: that says nothing about the member. Photos behind a chain of filters, JPEG 2000
    /// and inline images are not looked into.
    /// </summary>
    private static (SanitisedFile?, EvidenceRefusal) Pdf(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var input = new MemoryStream(bytes.ToArray());
            using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
            document.Info.Elements.Clear();
            // Every object, the catalog and the pages as much as an image or a form, may carry XMP or private application
            // data; a photo placed in the PDF keeps the camera's EXIF block (position, device, time) inside its JPEG stream
            // unless it is taken out.
            foreach (var dictionary in document.Internals.GetAllObjects().OfType<PdfDictionary>())
            {
                dictionary.Elements.Remove("/Metadata");
                dictionary.Elements.Remove("/PieceInfo");
                if (dictionary.Stream is { } stream && IsJpegStream(dictionary))
                {
                    // A photo whose header cannot be read could still carry its blocks: the PDF is refused as unreadable
                    // rather than kept with them.
                    stream.Value = JpegMarkers.Strip(stream.Value) ?? throw new InvalidDataException("A JPEG header in the PDF could not be read.");
                }
            }

            using var output = new MemoryStream();
            document.Save(output, closeStream: false);
            return (new SanitisedFile(output.ToArray(), "application/pdf", ".pdf"), EvidenceRefusal.None);
        }
#pragma warning disable CA1031 // a hostile or damaged PDF can fail anywhere in the parser; every failure means "not kept"
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return (null, EvidenceRefusal.Unreadable);
        }
    }

    /// <summary>A stream whose only filter is DCTDecode holds a JPEG file as it is: its markers can be read and taken out.</summary>
    private static bool IsJpegStream(PdfDictionary dictionary)
    {
        var filter = dictionary.Elements["/Filter"] is PdfReference reference ? reference.Value : dictionary.Elements["/Filter"];
        return filter switch
        {
            PdfName name => name.Value == "/DCTDecode",
            PdfArray { Elements.Count: 1 } array => array.Elements[0] is PdfName only && only.Value == "/DCTDecode",
            _ => false,
        };
    }

    /// <summary>
    /// The picture as the camera meant it to be seen: the orientation lives in the EXIF block that re-encoding drops, so
    /// it is applied to the pixels. Mirrored orientations (rare outside selfie cameras) are drawn as stored.
    /// </summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var quarterTurn = origin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom;
        if (origin is not (SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom or SKEncodedOrigin.BottomRight))
        {
            return source.Copy();
        }

        var width = quarterTurn ? source.Height : source.Width;
        var height = quarterTurn ? source.Width : source.Height;
        var result = new SKBitmap(new SKImageInfo(width, height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.RightTop:
                canvas.Translate(width, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, height);
                canvas.RotateDegrees(270);
                break;
            default:
                canvas.Translate(width, height);
                canvas.RotateDegrees(180);
                break;
        }

        canvas.DrawBitmap(source, 0, 0);
        return result;
    }

    /// <summary>Strict UTF-8 with no control characters but tabs, line breaks and form feeds; null when it is not text.</summary>
    private static string? Text(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
            {
                return null;
            }
        }

        return text;
    }

    /// <summary>An e-mail starts with header lines, and one of them is a header every mail has.</summary>
    private static bool IsMail(string text)
    {
        var head = text.TrimStart('\uFEFF');
        var end = head.IndexOf("\n\n", StringComparison.Ordinal) is var lf and >= 0 ? lf : head.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = (end >= 0 ? head[..end] : head).Split('\n');
        return headers.Length > 0 && headers[0].Contains(':', StringComparison.Ordinal) && !headers[0].StartsWith(' ')
            && headers.Any(h => MailHeaders.Any(m => h.StartsWith(m, StringComparison.OrdinalIgnoreCase)));
    }
}
