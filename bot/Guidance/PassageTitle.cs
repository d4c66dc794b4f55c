using System.Text.RegularExpressions;

namespace Trygg.Guidance;

/// <summary>
/// A passage in one short line, for a choice a member taps or a "Läs också" item: its heading without the document's
/// numbering, the passage's first words, and the document it comes from (the publisher). Short enough for a button on
/// a phone; the words come from the guidance itself, so a title never claims more than the passage says.
/// </summary>
internal static partial class PassageTitle
{
    /// <summary>The first words shown: enough to tell two passages under one heading apart.</summary>
    internal const int FirstWordsLength = 40;

    /// <summary>"Polisanmälan och rapportering: Om det inte rör sig om ett pågående…"</summary>
    public static string Of(GuidancePassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var heading = Heading(passage);
        var words = FirstWords(passage.Text);
        return heading.Length == 0 ? words : $"{heading}: {words}";
    }

    /// <summary>The passage's heading without the document's numbering ("Polisanmälan och rapportering"), or empty.</summary>
    public static string Heading(GuidancePassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return Numbering().Replace(passage.Heading, string.Empty).Trim();
    }

    /// <summary>Where the passage comes from, as a member recognises it ("Alingsås kommun").</summary>
    public static string Document(GuidancePassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return passage.Publisher;
    }

    /// <summary>The passage's opening words up to a word boundary, without list bullets, with "…" when cut.</summary>
    internal static string FirstWords(string text)
    {
        var flat = string.Join(' ', text.Split('\n').Select(l => l.TrimStart('-', '•', ' ').Trim()).Where(l => l.Length > 0));
        if (flat.Length <= FirstWordsLength)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', FirstWordsLength);
        return string.Concat(flat.AsSpan(0, cut > 0 ? cut : FirstWordsLength).TrimEnd(",;: "), "…");
    }

    // "9.2 ", "6.1 ", "1. ": the document's own numbering says nothing to a member.
    [GeneratedRegex(@"^\d+(\.\d+)*\.?\s+")]
    private static partial Regex Numbering();
}
