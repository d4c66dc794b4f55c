using System.Globalization;
using Trygg.Texts;

namespace Trygg.Cases.Files;

/// <summary>One file on the case details: its name, "type · size · added" and "Öppna" with the file's id.</summary>
internal sealed record CaseEvidenceRow(string Id, string Name, string About, string Open);

/// <summary>How the case details list the evidence files: newest last, as the member added them.</summary>
internal static class CaseEvidenceRows
{
    public static IReadOnlyList<CaseEvidenceRow> Of(IReadOnlyList<CaseEvidenceFile> files, Language language)
    {
        ArgumentNullException.ThrowIfNull(files);
        var t = CaseEvidenceTexts.For(language);
        return [.. files.OrderBy(f => f.AddedAt).Select(f => new CaseEvidenceRow(
            f.Id,
            f.Name,
            string.Format(CultureInfo.InvariantCulture, t.AboutFormat, Kind(f), Size(f.Size, language), CaseCards.Local(f.AddedAt)),
            t.Open))];
    }

    /// <summary>The stored file's extension (its name carries the extension of what is stored), else the content type.</summary>
    internal static string Kind(CaseEvidenceFile file)
    {
        var extension = Path.GetExtension(file.Name).TrimStart('.');
        return (extension.Length > 0 ? extension : file.ContentType.Split('/')[^1]).ToUpperInvariant();
    }

    /// <summary>Bytes as staff read them: "850 B", "12 kB", "3,4 MB" (a decimal comma in Swedish).</summary>
    internal static string Size(long bytes, Language language)
    {
        var culture = CultureInfo.GetCultureInfo(language == Language.English ? "en-GB" : "sv-SE");
        return bytes switch
        {
            < 1024 => string.Format(culture, "{0} B", bytes),
            < 1024 * 1024 => string.Format(culture, "{0:0} kB", bytes / 1024.0),
            _ => string.Format(culture, "{0:0.0} MB", bytes / (1024.0 * 1024)),
        };
    }
}
