using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Trygg.Guidance;

/// <summary>
/// Query execution without Lucene's per-query machinery. Every term's BM25 score in every passage is read once, at
/// build, from the postings through Lucene's own <see cref="Similarity"/> (the same norms, the same formula); a
/// question's query is then added up over those numbers, because Lucene's searcher allocates per term clause (terms
/// enumerators, postings buffers, the similarity's cache) and garbage collection then sets the 99th percentile
/// (docs/benchmarks.md). BM25 ignores the query norm and coordination, so a boost multiplies a clause's score and a
/// boolean query adds its clauses' scores; a disjunction takes the best plus a share of the rest. Phrase clauses
/// (neighbouring words) are read at build too (GuidanceIndex.Phrases.cs). The result equals Lucene's own execution of
/// the same query (GuidanceIndex.Reference.cs; a unit test holds the two together).
/// </summary>
public sealed partial class GuidanceIndex
{
    private Dictionary<string, Dictionary<string, TermScores>> _termScores = [];

    /// <summary>
    /// A term the field holds (one instance, shared by every query), its statistics, the passages holding it and its
    /// BM25 score in each (boost 1).
    /// </summary>
    private sealed record TermScores(Term Term, int DocFreq, long TotalTermFreq, int[] Docs, float[] Scores);

    private void ReadTermScores(Similarity similarity, IEnumerable<string> fields)
    {
        var leaf = _reader.Leaves[0];
        _termScores = fields.ToDictionary(f => f, f => ReadTermScores(similarity, leaf, f), StringComparer.Ordinal);
    }

    private Dictionary<string, TermScores> ReadTermScores(Similarity similarity, AtomicReaderContext leaf, string field)
    {
        var result = new Dictionary<string, TermScores>(StringComparer.Ordinal);
        var terms = leaf.AtomicReader.GetTerms(field);
        if (terms is null)
        {
            return result;
        }

        var collection = _searcher.CollectionStatistics(field);
        var iterator = terms.GetEnumerator();
        DocsEnum? postings = null;
        while (iterator.MoveNext())
        {
            var term = new Term(field, BytesRef.DeepCopyOf(iterator.Term));
            var weight = similarity.ComputeWeight(1f, collection, new TermStatistics(term.Bytes, iterator.DocFreq, iterator.TotalTermFreq));
            weight.Normalize(similarity.QueryNorm(weight.GetValueForNormalization()), 1f);
            var scorer = similarity.GetSimScorer(weight, leaf);
            postings = iterator.Docs(null, postings, DocsFlags.FREQS);
            var docs = new List<int>();
            var scores = new List<float>();
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
            {
                docs.Add(doc);
                scores.Add(scorer.Score(doc, postings.Freq));
            }

            result[term.Text] = new TermScores(term, iterator.DocFreq, iterator.TotalTermFreq, [.. docs], [.. scores]);
        }

        return result;
    }

    /// <summary>
    /// The question's scores for every passage, added up as Lucene would execute the queries of
    /// <see cref="ExecuteWithLuceneSearcher"/>, clause by clause in the same order (so the float sums are the same):
    /// for each word its best stem in the text, the heading, the context and the known questions; then the phrase
    /// clauses of neighbouring words; apart, the section's score and the asking word's cues.
    /// </summary>
    private void Sum(List<QueryWord> words, IReadOnlyList<string> cues, float[] passageScores, float[] sectionScores, float[] cueScores)
    {
        foreach (var word in words)
        {
            AddBest(TextField, word, 1f, passageScores, withParts: true);
            if (word.HasStems)
            {
                AddBest(HeadingField, word, Weights.Heading, passageScores);
                AddBest(ContextField, word, Weights.Context, passageScores);
                if (Weights.Questions > 0)
                {
                    AddBest(QuestionsField, word, Weights.Questions, passageScores);
                }
            }
        }

        if (Weights.Proximity > 0)
        {
            var known = _termScores[TextField];
            for (var i = 0; i + 1 < words.Count; i++)
            {
                if (words[i].Terms.Count > 0 && words[i + 1].Terms.Count > 0)
                {
                    var first = InField(known, words[i].Terms);
                    var second = InField(known, words[i + 1].Terms);
                    if (first.Count > 0 && second.Count > 0)
                    {
                        AddPhrase(first, second, passageScores);
                    }
                }
            }
        }

        foreach (var word in words)
        {
            if (word.HasStems)
            {
                AddBest(SectionField, word, 1f, sectionScores);
            }
        }

        if (Weights.Cue > 0 && cues.Count > 0)
        {
            AddBest(TextField, cues, cueScores);
        }
    }

    /// <summary>The terms of the list the field holds, in order.</summary>
    private static IReadOnlyList<string> InField(Dictionary<string, TermScores> known, IReadOnlyList<string> terms)
    {
        var all = true;
        foreach (var term in terms)
        {
            all &= known.ContainsKey(term);
        }

        return all ? terms : [.. terms.Where(known.ContainsKey)];
    }

    /// <summary>One term's scores, scaled, added to each passage's.</summary>
    private void AddTerm(string field, string term, float scale, float[] into)
    {
        if (_termScores[field].TryGetValue(term, out var postings))
        {
            for (var i = 0; i < postings.Docs.Length; i++)
            {
                into[postings.Docs[i]] += scale * postings.Scores[i];
            }
        }
    }

    /// <summary>
    /// A word's best stem in one field (Lucene's disjunction with <see cref="TieBreaker"/>): its stems, its related
    /// stems at <see cref="GuidanceWeights.Related"/> and, in the text, its compound's parts together at
    /// <see cref="GuidanceWeights.Parts"/>.
    /// </summary>
    private void AddBest(string field, QueryWord word, float scale, float[] into, bool withParts = false)
    {
        using var best = new Disjunction(Passages.Count);
        var known = _termScores[field];
        foreach (var term in word.Terms)
        {
            if (known.ContainsKey(term))
            {
                AddTerm(field, term, 1f, best.Part());
                best.Merge();
            }
        }

        foreach (var term in word.Related)
        {
            if (known.ContainsKey(term))
            {
                AddTerm(field, term, Weights.Related, best.Part());
                best.Merge();
            }
        }

        if (withParts && word.Parts.Count > 1)
        {
            var part = best.Part();
            foreach (var alternatives in word.Parts)
            {
                foreach (var term in alternatives)
                {
                    AddTerm(field, term, Weights.Parts, part);
                }
            }

            best.Merge();
        }

        best.AddTo(into, scale);
    }

    /// <summary>The best of the terms in one field, each counting fully (the asking word's cues).</summary>
    private void AddBest(string field, IReadOnlyList<string> terms, float[] into)
    {
        using var best = new Disjunction(Passages.Count);
        foreach (var term in terms)
        {
            if (_termScores[field].ContainsKey(term))
            {
                AddTerm(field, term, 1f, best.Part());
                best.Merge();
            }
        }

        best.AddTo(into, 1f);
    }

    /// <summary>Documents were added in passage order into one segment, so a document id is the passage's ordinal (checked at build).</summary>
    private static int Ordinal(int doc) => doc;

    /// <summary>
    /// Adds each matching passage's score, scaled, to its place in an array. Lucene's own top-N search would fill a
    /// queue with one placeholder hit per passage on every phrase clause, the largest allocation of a query.
    /// </summary>
    private sealed class AddingCollector(float[] into, float scale) : ICollector
    {
        private Scorer? _scorer;
        private int _docBase;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc) => into[Ordinal(doc + _docBase)] += scale * _scorer!.GetScore();
    }

    /// <summary>
    /// A disjunction's scores on pooled arrays: each part is summed into <see cref="Part"/>, then merged; the result
    /// is the best part plus the tie-breaker's share of the others, where any part matches (Lucene's
    /// <see cref="DisjunctionMaxQuery"/>, in the same float operations).
    /// </summary>
    private readonly struct Disjunction : IDisposable
    {
        private readonly int _n;
        private readonly float[] _best;
        private readonly float[] _sum;
        private readonly float[] _part;

        public Disjunction(int n)
        {
            _n = n;
            _best = ArrayPool<float>.Shared.Rent(n);
            _sum = ArrayPool<float>.Shared.Rent(n);
            _part = ArrayPool<float>.Shared.Rent(n);
            Array.Clear(_best, 0, n);
            Array.Clear(_sum, 0, n);
        }

        /// <summary>A cleared array for the next part.</summary>
        public float[] Part()
        {
            Array.Clear(_part, 0, _n);
            return _part;
        }

        public void Merge()
        {
            for (var i = 0; i < _n; i++)
            {
                if (_part[i] > 0)
                {
                    _sum[i] += _part[i];
                    _best[i] = Math.Max(_best[i], _part[i]);
                }
            }
        }

        public void AddTo(float[] into, float scale)
        {
            for (var i = 0; i < _n; i++)
            {
                if (_sum[i] > 0)
                {
                    into[i] += scale * (_best[i] + (TieBreaker * (_sum[i] - _best[i])));
                }
            }
        }

        public void Dispose()
        {
            ArrayPool<float>.Shared.Return(_best);
            ArrayPool<float>.Shared.Return(_sum);
            ArrayPool<float>.Shared.Return(_part);
        }
    }
}
