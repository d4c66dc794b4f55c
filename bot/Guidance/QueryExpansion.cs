using System.Text.RegularExpressions;

namespace Trygg.Guidance;

/// <summary>One word (or a phrase from the lexicon) of a question, and the guidance's words for it, if listed.</summary>
internal sealed record TypedWord(string Text, string? Expansion);

/// <summary>
/// Widens a question with the lexicon (Guidance/Lexicon.txt): abbreviations members type (gbg, kf), everyday
/// words (fru, mobilen, skärmdump) and English, each mapped onto the words the guidance uses. Phrases
/// ("check in", "skriva ner") are matched before single words, the longest first.
/// </summary>
internal static partial class QueryExpansion
{
    private const string Resource = "Guidance/Lexicon.txt";

    private static readonly Lazy<Lexicon> Entries = new(() => Lexicon.Parse(GuidanceResources.Read(Resource)));

    /// <summary>The words of a question (lower case), phrases of the lexicon joined into one.</summary>
    public static IReadOnlyList<TypedWord> Words(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var lexicon = Entries.Value;
        var words = Split(question);
        // Folding is letter by letter (a space stays a space), so a phrase folded is its words folded, joined.
        var folded = words.Select(SwedishFold.Fold).ToArray();
        var result = new List<TypedWord>();
        for (var i = 0; i < words.Length;)
        {
            var matched = false;
            for (var n = Math.Min(lexicon.LongestPhrase, words.Length - i); n >= 1 && !matched; n--)
            {
                var typed = n == 1 ? words[i] : string.Join(' ', words, i, n);
                // A word of asking is looked up only as written: "bra" is not "brå", "nåt" is not "nät", but "varför" is listed.
                var asking = n == 1 && SwedishGuidanceAnalyzer.StopWords.Contains(typed);
                if ((!asking || lexicon.Written.Contains(typed)) && lexicon.Expansions.TryGetValue(n == 1 ? folded[i] : string.Join(' ', folded, i, n), out var expansion))
                {
                    result.Add(new TypedWord(typed, expansion));
                    i += n;
                    matched = true;
                }
            }

            if (!matched)
            {
                // An inflection the lexicon does not list ("våldsamt" for "våldsam", "hotfullt" for "hotfull"): look it up by its stem.
                var word = words[i];
                var stemmed = word.Length >= MinStemLookup && !SwedishGuidanceAnalyzer.StopWords.Contains(word)
                    && lexicon.ByStem.TryGetValue(StemKey(word), out var byStem) ? byStem : null;
                result.Add(new TypedWord(word, stemmed));
                i++;
            }
        }

        return result;
    }

    /// <summary>
    /// What the question's asking words say about the answer ("hur" asks for a way: a number to call, a channel;
    /// "vem" for a role): the lexicon's "?" lines. They lift passages of that kind a little; they are not words of
    /// the topic, so they never count for coverage or the decision to answer.
    /// </summary>
    public static IReadOnlyList<string> Cues(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var lexicon = Entries.Value;
        var words = Split(question).Select(SwedishFold.Fold);
        return [.. words.Where(lexicon.Cues.ContainsKey).Select(w => lexicon.Cues[w]).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>True for the name of a Swedish municipality or region (the lexicon's "!" lines), as typed with or without å/ä/ö.</summary>
    public static bool IsPlace(string word) => Entries.Value.Places.Contains(SwedishFold.Fold(word));

    private const int MinStemLookup = 5;

    /// <summary>Stemmed as written: folding first would make "städar" the "stad" of "staden".</summary>
    private static string StemKey(string word) => SwedishGuidanceAnalyzer.Stem(word);

    /// <summary>The lower-case words of a text, as questions are split.</summary>
    public static string[] Split(string text)
    {
        var lower = text.ToLowerInvariant();
        var count = Word().Count(lower);
        if (count == 1)
        {
            var only = Word().EnumerateMatches(lower);
            only.MoveNext();
            if (only.Current.Length == lower.Length)
            {
                return [lower]; // one word already: most of what is split
            }
        }

        var words = new string[count];
        var i = 0;
        foreach (var match in Word().EnumerateMatches(lower))
        {
            words[i++] = lower.Substring(match.Index, match.Length);
        }

        return words;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    /// <summary>The parsed lexicon: folded typed words (phrases joined by one space) → the guidance's words.</summary>
    internal sealed record Lexicon(
        IReadOnlyDictionary<string, string> Expansions,
        IReadOnlySet<string> Written,
        int LongestPhrase,
        IReadOnlyDictionary<string, string> ByStem,
        IReadOnlyDictionary<string, string> Cues,
        IReadOnlySet<string> Places)
    {
        public static Lexicon Parse(string text)
        {
            var expansions = new Dictionary<string, string>(StringComparer.Ordinal);
            var written = new HashSet<string>(StringComparer.Ordinal);
            var cues = new Dictionary<string, string>(StringComparer.Ordinal);
            var places = new HashSet<string>(StringComparer.Ordinal);
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith('!'))
                {
                    places.UnionWith(line[1..].Split(',').Select(k => SwedishFold.Fold(k.Trim().ToLowerInvariant())).Where(k => k.Length > 0));
                    continue;
                }

                var arrow = line.IndexOf("=>", StringComparison.Ordinal);
                if (line.Length == 0 || line[0] == '#' || arrow < 0)
                {
                    continue;
                }

                var target = line[(arrow + 2)..].Trim();
                if (line[0] == '?')
                {
                    foreach (var typed in line[1..arrow].Split(',').Select(k => SwedishFold.Fold(k.Trim().ToLowerInvariant())).Where(k => k.Length > 0))
                    {
                        cues[typed] = target;
                    }

                    continue;
                }

                foreach (var typed in line[..arrow].Split(',').Select(k => string.Join(' ', Split(k))).Where(k => k.Length > 0))
                {
                    var key = SwedishFold.Fold(typed);
                    expansions[key] = expansions.TryGetValue(key, out var earlier) ? $"{earlier} {target}" : target;
                    written.Add(typed);
                }
            }

            var byStem = written.Where(w => !w.Contains(' ', StringComparison.Ordinal) && w.Length >= MinStemLookup)
                .GroupBy(StemKey, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => string.Join(' ', g.Select(w => expansions[SwedishFold.Fold(w)]).Distinct(StringComparer.Ordinal)), StringComparer.Ordinal);
            return new Lexicon(expansions, written, expansions.Keys.Max(k => k.Count(c => c == ' ') + 1), byStem, cues, places);
        }
    }
}
