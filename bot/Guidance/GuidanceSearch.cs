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
/// Searches the guidance and decides whether to answer. The decision looks at how much of the question's
/// information (IDF-weighted words) the best passage covers; a word the guidance never uses counts as uncovered
/// information, so a question about something else (parking, salaries, another city) falls below the threshold.
/// </summary>
public sealed class GuidanceSearch(GuidanceIndex index)
{
    /// <summary>Share of the question's IDF weight the top passage must cover.</summary>
    internal const double MinCoverage = 0.45;

    /// <summary>Distinct question words the top passage must contain.</summary>
    internal const int MinMatchedWords = 1;

    private const int Candidates = 20;

    public GuidanceAnswer Search(string question, string? municipality, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(question);
        var query = index.Analyze(question);
        var ranked = Rank(query, municipality, Math.Max(max, 1));
        if (ranked.Count == 0)
        {
            return GuidanceAnswer.None with { UnknownWords = query.UnknownCount };
        }

        var (coverage, matched) = Coverage(Content(query), ranked[0].Ordinal);
        var answered = coverage >= MinCoverage && matched >= MinMatchedWords;
        return new GuidanceAnswer(answered, answered ? ranked : [], coverage, matched, query.UnknownCount);
    }

    /// <summary>
    /// The best passages for a question, whether or not they are good enough to show: BM25 on the question's
    /// content words, lifted for a document the question names and for the member's own municipality.
    /// </summary>
    internal IReadOnlyList<GuidanceHit> Rank(GuidanceQuery query, string? municipality, int max)
    {
        var named = query.Words.SelectMany(w => w.All).Where(index.IsScopeTerm).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return index.Search(Content(query), Candidates)
            .Select(r => (r.Ordinal, Score: r.Score
                * (IsOwn(index.Passages[r.Ordinal], municipality) ? index.Weights.OwnMunicipality : 1f)
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

    /// <summary>
    /// The IDF-weighted share of the question's words the passage contains (a compound whose parts are all there
    /// counts), and how many words that is. Unknown words weigh as the rarest word would.
    /// </summary>
    internal (double Coverage, int Matched) Coverage(GuidanceQuery query, int ordinal)
    {
        double total = 0, covered = 0;
        var matched = 0;
        foreach (var word in query.Words)
        {
            if (!word.Known)
            {
                total += index.Vocabulary.UnknownIdf;
                continue;
            }

            var candidates = word.All.Any() ? word.All.ToList() : word.Parts.SelectMany(p => p).ToList();
            var weight = candidates.Max(index.Vocabulary.Idf);
            total += weight;
            var whole = word.All.Any(t => index.PassageHasTerm(ordinal, t));
            var parts = word.Parts.Count > 1 && word.Parts.All(alternatives => alternatives.Any(p => index.PassageHasTerm(ordinal, p)));
            if (whole || parts)
            {
                covered += weight;
                matched++;
            }
        }

        return (total > 0 ? covered / total : 0, matched);
    }

    private static bool IsOwn(GuidancePassage passage, string? municipality) =>
        !string.IsNullOrWhiteSpace(municipality) && !string.IsNullOrEmpty(passage.Municipality)
        && string.Equals(SwedishFold.Fold(passage.Municipality.Trim()), SwedishFold.Fold(municipality.Trim()), StringComparison.Ordinal);
}
