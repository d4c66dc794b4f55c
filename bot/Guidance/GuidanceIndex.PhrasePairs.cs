using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Trygg.Guidance;

/// <summary>
/// The build of the phrase pairs (<see cref="GuidanceIndex"/>'s GuidanceIndex.Phrases.cs): where each pair of terms
/// stands together, Lucene's sloppy frequency for each arrangement of their positions, and their scores.
/// </summary>
public sealed partial class GuidanceIndex
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // runs once, at start, before tiered JIT would optimise it
    private void ReadPhrasePairs(Similarity similarity)
    {
        _similarity = similarity;
        _textStatistics = _searcher.CollectionStatistics(TextField);
        var positions = TextPositions();
        _textTerms = [.. positions.Select(p => p.Keys.ToHashSet(StringComparer.Ordinal))];

        // Every pair of terms standing within the phrase's reach somewhere, the passages where it does, and there the
        // arrangement of the two terms' positions (all of them, from the first), which is all the phrase scorer reads.
        var pairs = new Dictionary<(string First, string Second), List<(int Doc, int Arrangement)>>();
        var arrangements = new Dictionary<string, int>(StringComparer.Ordinal);
        var shapes = new List<(int[] First, int[] Second)>();
        var key = new System.Text.StringBuilder();
        var near = new HashSet<(string, string)>();
        for (var doc = 0; doc < positions.Length; doc++)
        {
            var tokens = positions[doc].SelectMany(t => t.Value.Select(p => (Position: p, Term: t.Key))).OrderBy(t => t.Position).ToList();
            near.Clear();
            var from = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                // Lucene's phrase of two terms at offsets 0 and 1 matches where the second stands from one place before
                // the first to three after (the tokens are in order of position).
                while (tokens[from].Position < tokens[i].Position + 1 - PhraseSlop)
                {
                    from++;
                }

                for (var j = from; j < tokens.Count && tokens[j].Position <= tokens[i].Position + 1 + PhraseSlop; j++)
                {
                    if (!string.Equals(tokens[i].Term, tokens[j].Term, StringComparison.Ordinal))
                    {
                        near.Add((tokens[i].Term, tokens[j].Term));
                    }
                }
            }

            foreach (var (first, second) in near)
            {
                var at = positions[doc][first];
                var other = positions[doc][second];
                var origin = Math.Min(at[0], other[0]);
                key.Clear();
                at.ForEach(p => key.Append(p - origin).Append(','));
                key.Append('|');
                other.ForEach(p => key.Append(p - origin).Append(','));
                var text = key.ToString();
                if (!arrangements.TryGetValue(text, out var arrangement))
                {
                    arrangement = arrangements[text] = shapes.Count;
                    shapes.Add(([.. at.Select(p => p - origin)], [.. other.Select(p => p - origin)]));
                }

                if (!pairs.TryGetValue((first, second), out var found))
                {
                    pairs[(first, second)] = found = [];
                }

                found.Add((doc, arrangement));
            }
        }

        var frequencies = ArrangementFrequencies(similarity, shapes);
        _pairs = new Dictionary<(string, string), PairScores>(pairs.Count);
        foreach (var ((first, second), found) in pairs)
        {
            var scorer = PhraseScorer([first], [second]);
            var scores = new PairScores(new int[found.Count], new float[found.Count], new float[found.Count]);
            for (var i = 0; i < found.Count; i++)
            {
                scores.Docs[i] = found[i].Doc;
                scores.Frequencies[i] = frequencies[found[i].Arrangement];
                scores.Scores[i] = scorer.Score(found[i].Doc, scores.Frequencies[i]);
            }

            _pairs[(first, second)] = scores;
        }
    }

    /// <summary>Each passage's terms in the text and their positions, in order, as the index holds them.</summary>
    private Dictionary<string, List<int>>[] TextPositions()
    {
        var positions = new Dictionary<string, List<int>>[Passages.Count];
        for (var doc = 0; doc < positions.Length; doc++)
        {
            positions[doc] = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        }

        var terms = _reader.Leaves[0].AtomicReader.GetTerms(TextField);
        if (terms is null)
        {
            return positions;
        }

        var iterator = terms.GetEnumerator();
        DocsAndPositionsEnum? postings = null;
        while (iterator.MoveNext())
        {
            var text = iterator.Term.Utf8ToString();
            postings = iterator.DocsAndPositions(null, postings);
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
            {
                var at = positions[Ordinal(doc)][text] = new List<int>(postings.Freq);
                for (var i = 0; i < postings.Freq; i++)
                {
                    at.Add(postings.NextPosition());
                }
            }
        }

        return positions;
    }

    /// <summary>
    /// Lucene's sloppy frequency of the phrase "x y" (slop <see cref="PhraseSlop"/>) for each arrangement of x's and
    /// y's positions: one small index with a document per arrangement, searched once.
    /// </summary>
    private static float[] ArrangementFrequencies(Similarity similarity, List<(int[] First, int[] Second)> shapes)
    {
        const string field = "arrangement";
        var result = new float[shapes.Count];
        using var directory = new Lucene.Net.Store.RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SwedishGuidanceAnalyzer.Version, null) { Similarity = similarity }))
        {
            foreach (var (first, second) in shapes)
            {
                writer.AddDocument([new Lucene.Net.Documents.TextField(field, new Arrangement(first, second))]);
            }

            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new FrequencySimilarity(similarity) };
        var phrase = new MultiPhraseQuery { Slop = PhraseSlop };
        phrase.Add(new Term(field, Arrangement.First));
        phrase.Add(new Term(field, Arrangement.Second));
        searcher.Search(phrase, new RecordingCollector(result));
        return result;
    }

    /// <summary>
    /// The BM25 similarity, except that a document's score is the frequency the phrase scorer summed (from the
    /// similarity's own slop factors): what the build records for each pair.
    /// </summary>
    private sealed class FrequencySimilarity(Similarity inner) : Similarity
    {
        public override long ComputeNorm(FieldInvertState state) => inner.ComputeNorm(state);

        public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats) =>
            inner.ComputeWeight(queryBoost, collectionStats, termStats);

        public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context) =>
            new FrequencyScorer(inner.GetSimScorer(weight, context));

        private sealed class FrequencyScorer(SimScorer inner) : SimScorer
        {
            public override float Score(int doc, float freq) => freq;

            public override float ComputeSlopFactor(int distance) => inner.ComputeSlopFactor(distance);

            public override float ComputePayloadFactor(int doc, int start, int end, BytesRef payload) => inner.ComputePayloadFactor(doc, start, end, payload);
        }
    }

    private sealed class RecordingCollector(float[] frequencies) : ICollector
    {
        private Scorer? _scorer;
        private int _docBase;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc) => frequencies[doc + _docBase] = _scorer!.GetScore();
    }

    /// <summary>The tokens of one arrangement: <see cref="First"/> and <see cref="Second"/> at their positions.</summary>
    private sealed class Arrangement : Lucene.Net.Analysis.TokenStream
    {
        public const string First = "x";
        public const string Second = "y";

        private readonly List<(int Position, string Term)> _tokens;
        private readonly Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute _term;
        private readonly Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute _increment;
        private int _next;

        public Arrangement(int[] first, int[] second)
        {
            _tokens = [.. first.Select(p => (p, First)).Concat(second.Select(p => (p, Second))).OrderBy(t => t.Item1)];
            _term = AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            _increment = AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_next == _tokens.Count)
            {
                return false;
            }

            ClearAttributes();
            var (position, term) = _tokens[_next];
            _term.SetEmpty().Append(term);
            _increment.PositionIncrement = position - (_next == 0 ? -1 : _tokens[_next - 1].Position);
            _next++;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }
}
