using System.Collections.Concurrent;

namespace Trygg.Guidance;

/// <summary>
/// Splits Swedish compounds into words the guidance itself uses: "polisanmälan" → "polis", "anmälan";
/// "säkerhetsansvarig" → "säkerhet", "ansvarig" (the linking s dropped); "stadsledningskontoret" → "stad",
/// "ledning", "kontoret". A split is made only when every part is a word of the vocabulary (the corpus's own
/// words, plus <see cref="CommonParts"/>), so a new document brings its words with it. Works on lower-case words
/// before stemming; the parts are stemmed like any other word.
/// </summary>
public sealed class Decompounder
{
    private const int MinPart = 3;
    private const int MaxParts = 4;

    private readonly HashSet<string> _words;
    private readonly HashSet<string> _stems;
    private readonly Dictionary<string, List<string>> _folded;
    private readonly HashSet<string> _foldedStems;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _foldedCache = new(StringComparer.Ordinal);

    public Decompounder(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _words = words.Concat(CommonParts)
            .Select(w => w.ToLowerInvariant())
            .Where(w => w.Length >= MinPart && w.All(char.IsLetter) && !SwedishGuidanceAnalyzer.StopWords.Contains(w))
            .ToHashSet(StringComparer.Ordinal);
        _folded = _words.GroupBy(SwedishFold.Fold, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        _stems = _words.Select(SwedishGuidanceAnalyzer.Stem).ToHashSet(StringComparer.Ordinal);
        _foldedStems = _stems.Select(SwedishFold.Fold).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Words members put into compounds that the guidance may only use inside compounds of its own.</summary>
    public static IReadOnlyList<string> CommonParts { get; } =
    [
        "hot", "hat", "våld", "polis", "anmälan", "brev", "samtal", "mobil", "telefon", "nummer", "nät", "säkerhet", "ansvar",
        "ansvarig", "möte", "kommun", "parti", "kontor", "larm", "skydd", "stöd", "brott", "offer", "kris", "rapport", "incident",
        "konto", "bild", "mejl", "risk", "analys", "bedömning", "plan", "lokal", "hem", "bostad", "val", "politiker", "politik",
        "person", "jour", "tid", "vakt", "kontroll", "utbildning", "nätverk", "enhet", "avdelning", "chef", "ledare", "grupp",
        "handbok", "media", "medier", "inlägg", "kommentar", "post", "adress", "skada", "vård", "hjälp", "råd", "trygghet",
        "station", "besök", "nummer", "kod",
    ];

    /// <summary>The parts of a lower-case word as written, or none.</summary>
    public IReadOnlyList<string> Split(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _cache.GetOrAdd(word, w => SplitWith(w, s => _words.Contains(s), s => _stems.Contains(SwedishGuidanceAnalyzer.Stem(s))));
    }

    /// <summary>The guidance's own spellings of a word typed without å/ä/ö ("borgarrad" → "borgarråd"), if any.</summary>
    public IReadOnlyList<string> Written(string folded) =>
        _folded.TryGetValue(folded, out var written) ? written : [];

    /// <summary>
    /// The parts of a word typed without å/ä/ö ("polisanmalan"), each given as every vocabulary word it may
    /// stand for ("anmälan"). Empty when it cannot be split.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> SplitFolded(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var parts = _foldedCache.GetOrAdd(
            SwedishFold.Fold(word),
            w => SplitWith(w, s => _folded.ContainsKey(s), s => _foldedStems.Contains(SwedishGuidanceAnalyzer.Stem(s))));
        return parts.Select(p => _folded.TryGetValue(p, out var written) ? written : (IReadOnlyList<string>)[p]).ToList();
    }

    /// <param name="known">A known word, as a head must be.</param>
    /// <param name="knownEnd">A known word in any inflection ("mejlet"), as the last part may be.</param>
    private static List<string> SplitWith(string word, Func<string, bool> known, Func<string, bool> knownEnd) =>
        word.Length >= 2 * MinPart && Best(word, known, s => known(s) || knownEnd(s), new Dictionary<string, List<string>?>(StringComparer.Ordinal), MaxParts) is { } parts
            ? parts
            : [];

    /// <summary>
    /// The split of <paramref name="word"/> into known words with the longest possible head, or null; the word itself
    /// counts when it is known and it is not the whole compound. Remembered per rest, so a long word costs little.
    /// </summary>
    private static List<string>? Best(string word, Func<string, bool> known, Func<string, bool> knownEnd, Dictionary<string, List<string>?> memo, int maxParts)
    {
        if (memo.TryGetValue(word, out var done))
        {
            return done;
        }

        List<string>? result = null;
        for (var i = word.Length - MinPart; i >= MinPart && result is null && maxParts >= 2; i--)
        {
            var head = Head(word[..i], known);
            if (head is null)
            {
                continue;
            }

            var tail = word[i..];
            if (knownEnd(tail))
            {
                result = [head, tail];
            }
            else if (tail.Length >= 2 * MinPart && Best(tail, known, knownEnd, memo, maxParts - 1) is { } rest)
            {
                result = [head, .. rest];
            }
        }

        memo[word] = result;
        return result;
    }

    /// <summary>
    /// The head as a known word: itself, without a linking s ("säkerhets" → "säkerhet"), or with its last vowel
    /// changed as Swedish does in compounds ("medie" → "media", "kvinno" → "kvinna").
    /// </summary>
    private static string? Head(string head, Func<string, bool> known)
    {
        if (head.Length > MinPart && head[^1] == 's' && known(head[..^1]))
        {
            return head[..^1];
        }

        if (known(head))
        {
            return head;
        }

        if (head.Length > MinPart && IsVowel(head[^1]))
        {
            foreach (var vowel in "aeo")
            {
                var word = string.Concat(head.AsSpan(0, head.Length - 1), [vowel]);
                if (vowel != head[^1] && known(word))
                {
                    return word;
                }
            }
        }

        return null;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'å' or 'ä' or 'ö';
}
