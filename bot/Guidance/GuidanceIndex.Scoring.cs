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
/// (neighbouring words) need positions and still run through Lucene. The result equals Lucene's own execution of the
/// same query (a unit test holds the two together).
/// </summary>
public sealed partial class GuidanceIndex
{
    private Dictionary<string, Dictionary<string, TermScores>> _termScores = [];

    /// <summary>For tests: run every query through Lucene's searcher instead, the reference the in-memory sums must equal.</summary>
    internal bool ExecuteWithLucene { get; set; }

    /// <summary>A term the field holds (one instance, shared by every query), the passages holding it and its BM25 score in each (boost 1).</summary>
    private sealed record TermScores(Term Term, int[] Docs, float[] Scores);

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

            result[term.Text] = new TermScores(term, [.. docs], [.. scores]);
        }

        return result;
    }

    /// <summary>The query's score for every passage (0: no match).</summary>
    private float[] Execute(Query query)
    {
        var scores = new float[Passages.Count];
        if (ExecuteWithLucene)
        {
            foreach (var hit in _searcher.Search(query, Passages.Count).ScoreDocs)
            {
                scores[Ordinal(hit.Doc)] = hit.Score;
            }
        }
        else
        {
            Add(query, 1f, scores);
        }

        return scores;
    }

    /// <summary>Adds <paramref name="scale"/> × the query's score to each passage's.</summary>
    private void Add(Query query, float scale, float[] into)
    {
        if (query is MultiPhraseQuery phrase)
        {
            _searcher.Search(phrase, new AddingCollector(into, scale)); // Lucene's score holds the phrase's own boost
            return;
        }

        scale *= query.Boost;
        switch (query)
        {
            case TermQuery term:
                if (_termScores.TryGetValue(term.Term.Field, out var field) && field.TryGetValue(term.Term.Text, out var postings))
                {
                    for (var i = 0; i < postings.Docs.Length; i++)
                    {
                        into[postings.Docs[i]] += scale * postings.Scores[i];
                    }
                }

                break;
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                {
                    if (clause.Occur != Occur.SHOULD)
                    {
                        throw new NotSupportedException("The guidance search builds only optional clauses.");
                    }

                    Add(clause.Query, scale, into);
                }

                break;
            case DisjunctionMaxQuery disjunction:
                AddBest(disjunction, scale, into);
                break;
            default:
                throw new NotSupportedException($"The guidance search does not build {query.GetType().Name}.");
        }
    }

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

    /// <summary>A disjunction: the best of its parts plus the tie-breaker's share of the others, where any part matches.</summary>
    private void AddBest(DisjunctionMaxQuery disjunction, float scale, float[] into)
    {
        var n = Passages.Count;
        var pool = ArrayPool<float>.Shared;
        var best = pool.Rent(n);
        var sum = pool.Rent(n);
        var part = pool.Rent(n);
        try
        {
            Array.Clear(best, 0, n);
            Array.Clear(sum, 0, n);
            foreach (var disjunct in disjunction)
            {
                Array.Clear(part, 0, n);
                Add(disjunct, 1f, part);
                for (var i = 0; i < n; i++)
                {
                    if (part[i] > 0)
                    {
                        sum[i] += part[i];
                        best[i] = Math.Max(best[i], part[i]);
                    }
                }
            }

            for (var i = 0; i < n; i++)
            {
                if (sum[i] > 0)
                {
                    into[i] += scale * (best[i] + (disjunction.TieBreakerMultiplier * (sum[i] - best[i])));
                }
            }
        }
        finally
        {
            pool.Return(best);
            pool.Return(sum);
            pool.Return(part);
        }
    }
}
