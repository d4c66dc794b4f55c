namespace Trygg.Guidance;

/// <summary>
/// Everyday words that never name what a question is about (Everyday.txt): "tills", "värre", "ihop", "picks". A word the
/// guidance does not use is otherwise read as a possible topic and makes the bot refuse; one of these is only part of
/// how someone talks. Ranking never sees the list, and a word the guidance does use keeps counting as matched.
/// </summary>
internal static class EverydayWords
{
    internal const string Resource = "Guidance/Everyday.txt";

    private static readonly Lazy<HashSet<string>> Words = new(() => Parse(GuidanceResources.Read(Resource)));

    /// <summary>The intensifier members put in front of any describing word: "jättearg", "jättedåligt", "jättejobbigt".</summary>
    private const string Intensifier = "jatte";

    /// <summary>
    /// Whether <paramref name="word"/>, as typed, is an everyday word (with or without å/ä/ö, any case), also with
    /// "jätte" in front of one.
    /// </summary>
    public static bool Contains(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var folded = SwedishFold.Fold(word.ToLowerInvariant());
        return Words.Value.Contains(folded)
            || (folded.Length > Intensifier.Length + 2 && folded.StartsWith(Intensifier, StringComparison.Ordinal) && Words.Value.Contains(folded[Intensifier.Length..]));
    }

    internal static HashSet<string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var content = line.Trim();
            if (content.Length == 0 || content.StartsWith('#'))
            {
                continue;
            }

            foreach (var word in content.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                words.Add(SwedishFold.Fold(word.ToLowerInvariant()));
            }
        }

        return words;
    }
}
