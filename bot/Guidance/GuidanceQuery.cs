using System.Collections.Concurrent;

namespace Trygg.Guidance;

/// <summary>
/// One word of a question as the index understands it: the stems it stands for in the guidance (itself, its
/// spelling with å/ä/ö restored, a typo corrected, the first word the lexicon gives for it), <see cref="Related"/>
/// stems that count for less (the lexicon's further words) and, for a compound, the parts.
/// <see cref="Known"/> is false when nothing of it occurs in the guidance.
/// </summary>
public sealed record QueryWord(string Text, IReadOnlyList<string> Terms, IReadOnlyList<string> Related, IReadOnlyList<IReadOnlyList<string>> Parts)
{
    public bool Known => Terms.Count > 0 || Related.Count > 0 || Parts.Count > 0;

    /// <summary>A municipality or region the guidance has no document for ("malmö"): the question is about someone else's routine.</summary>
    public bool Elsewhere { get; init; }

    /// <summary>Every stem that stands for the word, best first.</summary>
    public IEnumerable<string> All => Terms.Concat(Related);

    /// <summary>True when the word stands for some stem (<see cref="All"/> is not empty), asked without enumerating.</summary>
    internal bool HasStems => Terms.Count > 0 || Related.Count > 0;
}

/// <summary>A question turned into <see cref="QueryWord"/>s; words that only ask ("hur", "vad", "what") are gone.</summary>
public sealed record GuidanceQuery(string Question, IReadOnlyList<QueryWord> Words)
{
    /// <summary>Stems the asking words point to (<see cref="QueryExpansion.Cues"/>): they rank, they never decide.</summary>
    public IReadOnlyList<string> Cues { get; init; } = [];

    /// <summary>The question's words as read once (<see cref="QuestionReading"/>), for analysing it against another vocabulary.</summary>
    internal QuestionReading? Reading { get; init; }

    public int UnknownCount => Words.Count(w => !w.Known);

    public int ElsewhereCount => Words.Count(w => w.Elsewhere);
}

/// <summary>
/// A question's words as typed, before any vocabulary: the lexicon's phrases joined, each word's own words and the
/// lexicon's words for it without the asking words, and the words of its asking cues. Read once per question; the
/// ranking and the decision to answer map it onto their vocabularies (<see cref="QuestionAnalyzer"/>).
/// </summary>
internal sealed record QuestionReading(string Question, IReadOnlyList<(TypedWord Typed, List<string> Own, List<string> Expansion)> Words, IReadOnlyList<string> Cues)
{
    public static QuestionReading Read(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var words = new List<(TypedWord, List<string>, List<string>)>();
        foreach (var typed in QueryExpansion.Words(question))
        {
            var own = QueryExpansion.Split(typed.Text).Where(NotAsking).ToList();
            var expansion = typed.Expansion is { } e ? QueryExpansion.Split(e).Where(NotAsking).ToList() : [];
            if (own.Count + expansion.Count > 0)
            {
                words.Add((typed, own, expansion));
            }
        }

        return new QuestionReading(question, words, [.. QueryExpansion.Cues(question).SelectMany(QueryExpansion.Split)]);
    }

    private static bool NotAsking(string word) => !SwedishGuidanceAnalyzer.StopWords.Contains(word);
}

/// <summary>
/// Turns a member's question into query words against one index's vocabulary. Members type without å/ä/ö, with
/// typos, abbreviations and in English; each is mapped onto words the guidance actually uses, or left unknown,
/// which is what later tells a question about something else.
/// </summary>
internal sealed class QuestionAnalyzer(Decompounder decompounder, GuidanceVocabulary vocabulary)
{
    private const int MinTypoLength = 6;

    /// <summary>Words remembered at most; past it the memory starts again (members' words repeat far more than questions do).</summary>
    private const int MaxRemembered = 20_000;

    private readonly ConcurrentDictionary<string, List<string>> _stems = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<IReadOnlyList<string>>> _parts = new(StringComparer.Ordinal);

    public GuidanceQuery Analyze(QuestionReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var words = new List<QueryWord>();
        foreach (var (typed, own, expansion) in reading.Words)
        {
            // The typed word and the lexicon's first word for it are the word; the lexicon's further words are near it.
            var terms = own.Concat(expansion.Take(1)).SelectMany(Stems).Distinct(StringComparer.Ordinal).ToList();
            var related = expansion.Skip(1).SelectMany(Stems)
                .Where(t => !terms.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
            var parts = own.Concat(expansion).Select(Parts).FirstOrDefault(p => p.Count > 1) ?? [];
            // A place named in the question that no document is about is not a word to search for; a place with documents is.
            var elsewhere = typed.Expansion is null && QueryExpansion.IsPlace(typed.Text) && terms.Count == 0;
            var word = elsewhere ? new QueryWord(typed.Text, [], [], []) { Elsewhere = true } : new QueryWord(typed.Text, terms, related, parts);
            if (!words.Any(w => w.HasStems && w.All.SequenceEqual(word.All)))
            {
                words.Add(word);
            }
        }

        var cues = reading.Cues
            .SelectMany(w => Restore(SwedishGuidanceAnalyzer.Stem(w)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new GuidanceQuery(reading.Question, words) { Cues = cues, Reading = reading };
    }

    /// <summary>
    /// The index's stems for a typed word. Typed without å/ä/ö, the guidance's own spelling is stemmed too: Snowball
    /// takes an ending it only sees without the dots ("borgarrad" → "borgarr", "innebar" → "inneb"), while
    /// "borgarråd" and "innebär" stay whole, so folding the stem alone would miss them.
    /// </summary>
    private List<string> Stems(string word) => Remembered(_stems, word, StemsOf);

    /// <summary>
    /// A word's stems or parts against this vocabulary never change, and finding them (folded spellings, a typo among
    /// thousands of stems, compound splits) was most of a question's analysis: each word is worked out once and kept.
    /// The lists are shared and never changed.
    /// </summary>
    private static T Remembered<T>(ConcurrentDictionary<string, T> memory, string word, Func<string, T> find)
    {
        if (memory.TryGetValue(word, out var known))
        {
            return known;
        }

        if (memory.Count >= MaxRemembered)
        {
            memory.Clear();
        }

        return memory.GetOrAdd(word, find);
    }

    private List<string> StemsOf(string word)
    {
        var result = Restore(SwedishGuidanceAnalyzer.Stem(word));
        if (!SwedishGuidanceAnalyzer.HasDiacritics(word))
        {
            result.AddRange(decompounder.Written(word)
                .Where(SwedishGuidanceAnalyzer.HasDiacritics)
                .SelectMany(w => Restored(SwedishGuidanceAnalyzer.Stem(w))));
        }

        return result.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>A compound's parts as the index's stems: split as written, else as if typed without å/ä/ö.</summary>
    private List<IReadOnlyList<string>> Parts(string word) => Remembered(_parts, word, PartsOf);

    private List<IReadOnlyList<string>> PartsOf(string word)
    {
        var written = decompounder.Split(word);
        if (written.Count > 1)
        {
            return written.Select(p => (IReadOnlyList<string>)Restore(SwedishGuidanceAnalyzer.Stem(p))).Where(p => p.Count > 0).ToList();
        }

        if (SwedishGuidanceAnalyzer.HasDiacritics(word))
        {
            return [];
        }

        return decompounder.SplitFolded(word)
            .Select(alternatives => (IReadOnlyList<string>)alternatives.SelectMany(a => Restore(SwedishGuidanceAnalyzer.Stem(a))).Distinct(StringComparer.Ordinal).ToList())
            .Where(p => p.Count > 0)
            .ToList();
    }

    /// <summary>
    /// The index's stems this stem may stand for: itself when the guidance uses it; when typed without å/ä/ö, every
    /// stem that folds to the same letters ("vald" → "våld"); else one letter off (a typo) in a longer word.
    /// </summary>
    private List<string> Restore(string stem)
    {
        var result = Restored(stem);
        if (result.Count == 0 && SwedishGuidanceAnalyzer.Stem(stem) is var shorter && shorter != stem)
        {
            result = Restored(shorter); // Snowball takes one ending; "sammanträdena" has two
        }

        return [.. result, .. result.SelectMany(VerbalNoun).Where(t => !result.Contains(t)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The verb and its noun in -an are one word to a member ("polisanmäla", "polisanmälan"; "ansöka", "ansökan"),
    /// but Snowball stems them apart ("polisanmäl", "polisanmälan"): each brings the other when the guidance uses it.
    /// </summary>
    private IEnumerable<string> VerbalNoun(string stem)
    {
        if (vocabulary.Contains(stem + "an"))
        {
            yield return stem + "an";
        }

        if (stem.Length >= 6 && stem.EndsWith("an", StringComparison.Ordinal) && vocabulary.Contains(stem[..^2]))
        {
            yield return stem[..^2];
        }
    }

    private List<string> Restored(string stem)
    {
        var result = new List<string>();
        var exact = vocabulary.DocumentFrequency(stem);
        if (exact > 0)
        {
            result.Add(stem);
        }

        if (!SwedishGuidanceAnalyzer.HasDiacritics(stem))
        {
            // Typed without å/ä/ö: a spelling with them is a candidate unless the word as typed is the more common one.
            result.AddRange(vocabulary.WithFolded(SwedishFold.Fold(stem)).Where(t => vocabulary.DocumentFrequency(t) > exact));
        }

        if (result.Count == 0 && stem.Length >= MinTypoLength)
        {
            result.AddRange(vocabulary.OneEditAway(stem));
        }

        return result.Distinct(StringComparer.Ordinal).ToList();
    }
}
