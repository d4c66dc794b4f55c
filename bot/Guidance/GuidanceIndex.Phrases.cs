using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Trygg.Guidance;

/// <summary>
/// The phrase clauses (two neighbouring question words standing together in a passage) without Lucene at query time.
/// At build, every pair of terms that stand within the phrase's reach in some passage is scored there: the phrase
/// scorer reads only where the two terms stand, so each arrangement of their positions is searched once, through
/// Lucene's own phrase scorer, in a small index of the arrangements, with a similarity that hands back the sloppy
/// frequency Lucene sums (<see cref="FrequencySimilarity"/>); the pair's score is then Lucene's BM25
/// <see cref="Similarity.SimScorer"/> for its terms at that frequency, exactly what the phrase scorer returns. A
/// clause whose word has more than one stem in the text is a union of positions in Lucene; where a passage holds only
/// one stem of each word, the union is that pair's positions and the same frequency holds. Only where a passage holds
/// two stems of one word, or the two words share a stem (Lucene's repeated-term rules), is the clause still run
/// through Lucene.
/// </summary>
public sealed partial class GuidanceIndex
{
    /// <summary>How far apart two neighbouring words may stand in the text and still score as together.</summary>
    private const int PhraseSlop = 2;

    /// <summary>The passages where a pair of terms stands within the phrase's reach, Lucene's sloppy frequency and score there.</summary>
    private sealed record PairScores(int[] Docs, float[] Frequencies, float[] Scores);

    private Dictionary<(string First, string Second), PairScores> _pairs = [];
    private HashSet<string>[] _textTerms = [];
    private Similarity _similarity = null!;
    private CollectionStatistics _textStatistics = null!;
    private readonly ConcurrentDictionary<string, Similarity.SimScorer> _phraseScorers = new(StringComparer.Ordinal);

    /// <summary>The clauses with more than one stem to a word met so far, each computed once (a few thousand at most, kept).</summary>
    private readonly ConcurrentDictionary<string, PairScores> _unions = new(StringComparer.Ordinal);

    /// <summary>For tests and the benchmark: how many phrase clauses were run through Lucene since the index was built.</summary>
    internal int PhraseFallbacks => _phraseFallbacks;

    private int _phraseFallbacks;

    /// <summary>
    /// Adds a phrase clause's score (the second word's stems standing within <see cref="PhraseSlop"/> after the
    /// first's) to each passage's, as Lucene's execution of the same <see cref="MultiPhraseQuery"/> would.
    /// </summary>
    private void AddPhrase(IReadOnlyList<string> first, IReadOnlyList<string> second, float[] into)
    {
        var scores = first.Count == 1 && second.Count == 1 && !string.Equals(first[0], second[0], StringComparison.Ordinal)
            ? _pairs.GetValueOrDefault((first[0], second[0]))
            : _unions.GetOrAdd(string.Join('\u0001', first) + "\u0002" + string.Join('\u0001', second), _ => Union(first, second));
        if (scores is null)
        {
            return; // the two terms never stand together
        }

        for (var i = 0; i < scores.Docs.Length; i++)
        {
            into[scores.Docs[i]] += scores.Scores[i];
        }
    }

    /// <summary>
    /// A clause with more than one stem to a word: from the pairs where a passage holds one stem of each, else (two
    /// stems of one word in a passage, or a stem shared by both words) as Lucene executes it.
    /// </summary>
    private PairScores Union(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var found = new SortedDictionary<int, float>();
        if (PairsAlone(first, second))
        {
            var scorer = PhraseScorer(first, second);
            foreach (var a in first)
            {
                foreach (var b in second)
                {
                    if (_pairs.TryGetValue((a, b), out var pair))
                    {
                        for (var i = 0; i < pair.Docs.Length; i++)
                        {
                            found[pair.Docs[i]] = scorer.Score(pair.Docs[i], pair.Frequencies[i]);
                        }
                    }
                }
            }
        }
        else
        {
            Interlocked.Increment(ref _phraseFallbacks);
            _searcher.Search(Phrase(first, second), new ScoreCollector(found)); // Lucene's score holds the phrase's own boost
        }

        if (_unions.Count > 4096)
        {
            _unions.Clear();
        }

        return new PairScores([.. found.Keys], [], [.. found.Values]);
    }

    /// <summary>
    /// True when the words share no stem and every passage where the clause can match holds one stem of each word:
    /// there Lucene's union of the stems' positions is one pair's positions, and so is its frequency.
    /// </summary>
    private bool PairsAlone(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        foreach (var a in first)
        {
            foreach (var b in second)
            {
                if (string.Equals(a, b, StringComparison.Ordinal))
                {
                    return false;
                }

                if (!_pairs.TryGetValue((a, b), out var pair))
                {
                    continue;
                }

                foreach (var doc in pair.Docs)
                {
                    if (Held(doc, first) > 1 || Held(doc, second) > 1)
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>
    /// For tests: each phrase clause of the question's neighbouring words (their stems in the text), scored as the
    /// search adds it up and as Lucene's searcher executes the same <see cref="MultiPhraseQuery"/>.
    /// </summary>
    internal IEnumerable<(IReadOnlyList<string> First, IReadOnlyList<string> Second, float[] Summed, float[] Lucene)> PhraseClauses(GuidanceQuery query)
    {
        var words = query.Words.Where(w => w.Known).ToList();
        var known = _termScores[TextField];
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var first = words[i].Terms.Where(known.ContainsKey).ToList();
            var second = words[i + 1].Terms.Where(known.ContainsKey).ToList();
            if (first.Count == 0 || second.Count == 0)
            {
                continue;
            }

            var summed = new float[Passages.Count];
            AddPhrase(first, second, summed);
            var lucene = new float[Passages.Count];
            _searcher.Search(Phrase(first, second), new AddingCollector(lucene, 1f));
            yield return (first, second, summed, lucene);
        }
    }

    private int Held(int doc, IReadOnlyList<string> terms)
    {
        var held = 0;
        foreach (var term in terms)
        {
            if (_textTerms[doc].Contains(term))
            {
                held++;
            }
        }

        return held;
    }

    /// <summary>The phrase clause as Lucene's query: each word's stems (present in the text) at its place.</summary>
    private MultiPhraseQuery Phrase(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var known = _termScores[TextField];
        var phrase = new MultiPhraseQuery { Slop = PhraseSlop, Boost = Weights.Proximity };
        phrase.Add([.. first.Select(t => known[t].Term)]);
        phrase.Add([.. second.Select(t => known[t].Term)]);
        return phrase;
    }

    /// <summary>
    /// Lucene's BM25 scorer for a phrase of these terms, weighted as the searcher weighs a top-level
    /// <see cref="MultiPhraseQuery"/>: every term's statistics in order, the phrase's boost, the query norm. A
    /// similarity sees a term only through its statistics, so phrases whose terms have the same statistics share one
    /// scorer: a few thousand at most, kept.
    /// </summary>
    private Similarity.SimScorer PhraseScorer(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var known = _termScores[TextField];
        var key = new System.Text.StringBuilder();
        foreach (var term in first.Concat(second))
        {
            var t = known[term];
            key.Append(t.DocFreq).Append(':').Append(t.TotalTermFreq).Append(',');
        }

        return _phraseScorers.GetOrAdd(key.ToString(), _ =>
        {
            if (_phraseScorers.Count > 16384)
            {
                _phraseScorers.Clear();
            }

            var statistics = first.Concat(second)
                .Select(t => known[t])
                .Select(t => new TermStatistics(t.Term.Bytes, t.DocFreq, t.TotalTermFreq))
                .ToArray();
            var weight = _similarity.ComputeWeight(Weights.Proximity, _textStatistics, statistics);
            var norm = _similarity.QueryNorm(weight.GetValueForNormalization());
            weight.Normalize(float.IsInfinity(norm) || float.IsNaN(norm) ? 1f : norm, 1f);
            return _similarity.GetSimScorer(weight, _reader.Leaves[0]);
        });
    }

    private sealed class ScoreCollector(SortedDictionary<int, float> found) : ICollector
    {
        private Scorer? _scorer;
        private int _docBase;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc) => found[Ordinal(doc + _docBase)] = _scorer!.GetScore();
    }
}
