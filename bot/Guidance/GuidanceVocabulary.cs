namespace Trygg.Guidance;

/// <summary>
/// The stems the index holds and how many passages use each (for IDF), with lookups for what members type:
/// the same letters without å/ä/ö, or a word one letter off.
/// </summary>
internal sealed class GuidanceVocabulary
{
    private readonly Dictionary<string, int> _documentFrequency;
    private readonly Dictionary<string, List<string>> _byFolded;
    private readonly Dictionary<int, List<string>> _byLength;

    public GuidanceVocabulary(IReadOnlyList<IReadOnlySet<string>> passageTerms)
    {
        ArgumentNullException.ThrowIfNull(passageTerms);
        PassageCount = passageTerms.Count;
        _documentFrequency = passageTerms.SelectMany(t => t)
            .GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _byFolded = _documentFrequency.Keys
            .GroupBy(SwedishFold.Fold, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        _byLength = _byFolded.Keys
            .GroupBy(k => k.Length)
            .ToDictionary(g => g.Key, g => g.ToList());
    }

    public int PassageCount { get; }

    public bool Contains(string term) => _documentFrequency.ContainsKey(term);

    public int DocumentFrequency(string term) => _documentFrequency.GetValueOrDefault(term);

    /// <summary>BM25's IDF; a term no passage has gets the IDF of one that a single passage would have, plus one.</summary>
    public double Idf(string term)
    {
        var df = Math.Max(DocumentFrequency(term), 0);
        return Math.Log(1 + ((PassageCount - df + 0.5) / (df + 0.5)));
    }

    /// <summary>The highest IDF possible here: that of an unknown term.</summary>
    public double UnknownIdf => Math.Log(1 + ((PassageCount + 0.5) / 0.5));

    /// <summary>Stems written with å/ä/ö (or without) that fold to <paramref name="folded"/>.</summary>
    public IReadOnlyList<string> WithFolded(string folded) =>
        _byFolded.TryGetValue(folded, out var terms) ? terms : [];

    /// <summary>
    /// Stems one insertion, deletion, substitution or swap away (compared without å/ä/ö), keeping the first letter:
    /// people rarely mistype the first letter, and "straff" is not "träff".
    /// </summary>
    public IReadOnlyList<string> OneEditAway(string term)
    {
        var folded = SwedishFold.Fold(term);
        var result = new List<string>();
        for (var length = folded.Length - 1; length <= folded.Length + 1; length++)
        {
            if (!_byLength.TryGetValue(length, out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                if (candidate.Length > 0 && folded.Length > 0 && candidate[0] == folded[0] && EditDistance.AtMostOne(folded, candidate))
                {
                    result.AddRange(_byFolded[candidate]);
                }
            }
        }

        return result;
    }
}

/// <summary>Optimal string alignment distance, only as far as asking "at most one edit?".</summary>
internal static class EditDistance
{
    public static bool AtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length && i == b.Length)
        {
            return true;
        }

        var restA = a.AsSpan(i);
        var restB = b.AsSpan(i);
        if (restA.Length == restB.Length)
        {
            // substitution, or a swap of neighbours
            return restA[1..].SequenceEqual(restB[1..])
                || (restA.Length >= 2 && restA[0] == restB[1] && restA[1] == restB[0] && restA[2..].SequenceEqual(restB[2..]));
        }

        return restA.Length > restB.Length ? restA[1..].SequenceEqual(restB) : restA.SequenceEqual(restB[1..]);
    }
}
