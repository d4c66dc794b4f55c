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

    private static readonly Lazy<Lexicon> Entries = new(() => Lexicon.Parse(ReadResource()));

    /// <summary>The words of a question (lower case), phrases of the lexicon joined into one.</summary>
    public static IReadOnlyList<TypedWord> Words(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var lexicon = Entries.Value;
        var words = Word().Matches(question.ToLowerInvariant()).Select(m => m.Value).ToList();
        var result = new List<TypedWord>();
        for (var i = 0; i < words.Count;)
        {
            var matched = false;
            for (var n = Math.Min(lexicon.LongestPhrase, words.Count - i); n >= 1 && !matched; n--)
            {
                var typed = string.Join(' ', words.Skip(i).Take(n));
                // A word of asking is looked up only as written: "bra" is not "brå", "nåt" is not "nät", but "varför" is listed.
                var asking = n == 1 && SwedishGuidanceAnalyzer.StopWords.Contains(typed);
                if ((!asking || lexicon.Written.Contains(typed)) && lexicon.Expansions.TryGetValue(SwedishFold.Fold(typed), out var expansion))
                {
                    result.Add(new TypedWord(typed, expansion));
                    i += n;
                    matched = true;
                }
            }

            if (!matched)
            {
                result.Add(new TypedWord(words[i], null));
                i++;
            }
        }

        return result;
    }

    /// <summary>The lower-case words of a text, as questions are split.</summary>
    public static IEnumerable<string> Split(string text) => Word().Matches(text.ToLowerInvariant()).Select(m => m.Value);

    private static string ReadResource()
    {
        using var stream = typeof(QueryExpansion).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    /// <summary>The parsed lexicon: folded typed words (phrases joined by one space) → the guidance's words.</summary>
    internal sealed record Lexicon(IReadOnlyDictionary<string, string> Expansions, IReadOnlySet<string> Written, int LongestPhrase)
    {
        public static Lexicon Parse(string text)
        {
            var expansions = new Dictionary<string, string>(StringComparer.Ordinal);
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                var arrow = line.IndexOf("=>", StringComparison.Ordinal);
                if (line.Length == 0 || line[0] == '#' || arrow < 0)
                {
                    continue;
                }

                var target = line[(arrow + 2)..].Trim();
                foreach (var typed in line[..arrow].Split(',').Select(k => string.Join(' ', Split(k))).Where(k => k.Length > 0))
                {
                    var key = SwedishFold.Fold(typed);
                    expansions[key] = expansions.TryGetValue(key, out var earlier) ? $"{earlier} {target}" : target;
                    written.Add(typed);
                }
            }

            return new Lexicon(expansions, written, expansions.Keys.Max(k => k.Count(c => c == ' ') + 1));
        }
    }
}
