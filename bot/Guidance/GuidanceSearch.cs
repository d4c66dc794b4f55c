namespace Trygg.Guidance;

/// <summary>A ranked passage and its score.</summary>
public sealed record GuidanceHit(GuidancePassage Passage, float Score, int Ordinal);

/// <summary>
/// The answer to a member's question: the best passages, and whether they are good enough to show
/// (<see cref="Answered"/> false means "we don't know; ask the security unit", and <see cref="Hits"/> is empty).
/// </summary>
public sealed record GuidanceAnswer(bool Answered, IReadOnlyList<GuidanceHit> Hits, double Confidence, int MatchedWords = 0, int UnknownWords = 0)
{
    public static GuidanceAnswer None { get; } = new(false, [], 0);
}

/// <summary>
/// Searches the guidance and decides whether to answer. A wrong answer about safety is worse than "I don't know",
/// so the bot answers only when every content word of the question is one the guidance uses (after the lexicon,
/// å/ä/ö, typos and compounds) and the best passage covers enough of the question's information (IDF-weighted).
/// A question about parking, salaries or another city's routine has a word the guidance never uses.
/// </summary>
public sealed class GuidanceSearch(GuidanceIndex index)
{
    /// <summary>Share of the question's IDF weight the top passage must cover.</summary>
    internal const double MinCoverage = 0.45;

    /// <summary>Content words of the question the guidance may not use at all.</summary>
    internal const int MaxUnknownWords = 0;

    private const int Candidates = 20;

    /// <summary>What the decision to answer rests on, for the top passage (for the eval's explanations and tuning).</summary>
    internal AnswerEvidence Features(GuidanceQuery query, IReadOnlyList<GuidanceHit> ranked)
    {
        var content = Content(query);
        var words = content.Words;
        double known = 0, unknown = 0, covered = 0;
        var matched = 0;
        foreach (var word in words)
        {
            if (!word.Known)
            {
                unknown += index.Vocabulary.UnknownIdf;
                continue;
            }

            var weight = Weight(word);
            known += weight;
            if (ranked.Count > 0 && index.Contains(ranked[0].Ordinal, word))
            {
                covered += weight;
                matched++;
            }
        }

        return new AnswerEvidence(
            Coverage: known + unknown > 0 ? covered / (known + unknown) : 0,
            KnownCoverage: known > 0 ? covered / known : 0,
            Matched: matched,
            Words: words.Count,
            Unknown: content.UnknownCount,
            TopScore: ranked.Count > 0 ? ranked[0].Score : 0,
            Gap: ranked.Count > 1 ? ranked[0].Score / ranked[1].Score : 1);
    }

    private double Weight(QueryWord word)
    {
        var candidates = word.All.Any() ? word.All.ToList() : word.Parts.SelectMany(p => p).ToList();
        return candidates.Max(index.Vocabulary.Idf);
    }

    public GuidanceAnswer Search(string question, string? municipality, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(question);
        var query = index.Analyze(question);
        var ranked = Rank(query, municipality, Math.Max(max, 1));
        if (ranked.Count == 0)
        {
            return GuidanceAnswer.None with { UnknownWords = query.UnknownCount };
        }

        var evidence = Features(query, ranked);
        var answered = evidence.Unknown <= MaxUnknownWords && evidence.Coverage >= MinCoverage && evidence.Matched >= 1;
        return new GuidanceAnswer(answered, answered ? ranked : [], evidence.Coverage, evidence.Matched, evidence.Unknown);
    }

    /// <summary>
    /// The best passages for a question, whether or not they are good enough to show: BM25 on the question's
    /// content words, lifted for a document the question names or, when it names none, for the member's own municipality.
    /// </summary>
    internal IReadOnlyList<GuidanceHit> Rank(GuidanceQuery query, string? municipality, int max)
    {
        var named = query.Words.SelectMany(w => w.All).Where(index.IsScopeTerm).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return index.Search(Content(query), Candidates)
            .Select(r => (r.Ordinal, Score: r.Score
                * (named.Count == 0 && IsOwn(index.Passages[r.Ordinal], municipality) ? index.Weights.OwnMunicipality : 1f)
                * (named.Count > 0 && index.InScope(r.Ordinal, named) ? index.Weights.NamedScope : 1f)))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Ordinal)
            .Where(r => seen.Add(index.Passages[r.Ordinal].Text))
            .Take(max)
            .Select(r => new GuidanceHit(index.Passages[r.Ordinal], r.Score, r.Ordinal))
            .ToList();
    }

    /// <summary>The question without the words that only name a document ("enligt SKL", "i gbg").</summary>
    private GuidanceQuery Content(GuidanceQuery query) =>
        query with { Words = [.. query.Words.Where(w => !w.All.Any(index.IsScopeTerm))] };

    private static bool IsOwn(GuidancePassage passage, string? municipality) =>
        !string.IsNullOrWhiteSpace(municipality) && !string.IsNullOrEmpty(passage.Municipality)
        && string.Equals(SwedishFold.Fold(passage.Municipality.Trim()), SwedishFold.Fold(municipality.Trim()), StringComparison.Ordinal);
}

/// <summary>What the decision to answer rests on.</summary>
/// <param name="Coverage">IDF-weighted share of the question's words in the top passage; unknown words count as missing.</param>
/// <param name="KnownCoverage">The same over the words the guidance uses at all.</param>
internal sealed record AnswerEvidence(double Coverage, double KnownCoverage, int Matched, int Words, int Unknown, float TopScore, float Gap)
{
    public override string ToString() =>
        FormattableString.Invariant($"{Coverage:F3}\t{KnownCoverage:F3}\t{Matched}\t{Words}\t{Unknown}\t{TopScore:F2}\t{Gap:F2}");
}
