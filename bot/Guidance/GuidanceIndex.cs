using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using System.Text.RegularExpressions;
using Lucene.Net.Store;

namespace Trygg.Guidance;

/// <summary>
/// An in-memory BM25 index over the passages, built once at start. Two fields: the passage with its own heading,
/// and its context (document title, heading path, municipality), which counts for less. Compounds are split with
/// the corpus's own vocabulary, so the index is built in two passes: stems first, then the passages.
/// </summary>
public sealed partial class GuidanceIndex : IDisposable
{
    private const string TextField = "text";
    private const string ContextField = "context";
    private const string HeadingField = "heading";
    private const string SectionField = "section";
    private const string QuestionsField = "questions";
    private const string OrdinalField = "ordinal";
    private const float TieBreaker = 0.2f;

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly SwedishGuidanceAnalyzer _analyzer;
    private readonly List<HashSet<string>> _passageTerms;
    private readonly List<List<HashSet<string>>> _askedTerms;
    private readonly QuestionAnalyzer _questions;
    private readonly QuestionAnalyzer _textQuestions;
    private readonly List<HashSet<string>> _scopes;
    private readonly Dictionary<string, GuidancePassage> _byId;

    public GuidanceIndex(IReadOnlyList<GuidancePassage> passages, GuidanceWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(passages);
        Passages = passages;
        Weights = weights ?? GuidanceWeights.Default;
        var similarity = new BM25Similarity(Weights.K1, Weights.B);
        var textWords = passages.SelectMany(p => Words($"{p.Title}\n{p.Section}\n{p.Text}")).ToList();
        var decompounder = new Decompounder(textWords.Concat(passages.SelectMany(p => p.Questions.SelectMany(Words))));
        _analyzer = new SwedishGuidanceAnalyzer(decompounder);

        var config = new IndexWriterConfig(SwedishGuidanceAnalyzer.Version, _analyzer) { Similarity = similarity };
        var sections = passages.GroupBy(p => (p.DocumentId, p.Section))
            .ToDictionary(g => g.Key, g => $"{g.Key.Section.Split(" > ")[^1]}\n{string.Join('\n', g.Select(p => p.Text))}");
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < passages.Count; i++)
            {
                var p = passages[i];
                writer.AddDocument(
                [
                    new TextField(TextField, IndexedText(p), Field.Store.NO),
                    new TextField(ContextField, $"{p.Title}\n{p.Section}\n{p.Municipality}", Field.Store.NO),
                    new TextField(HeadingField, p.OpensSection ? Heading(p) : string.Empty, Field.Store.NO),
                    new TextField(SectionField, sections[(p.DocumentId, p.Section)], Field.Store.NO),
                    new TextField(QuestionsField, string.Join('\n', p.Questions), Field.Store.NO),
                    new StoredField(OrdinalField, i),
                ]);
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        if (_reader.Leaves.Count > 1 || _reader.MaxDoc != passages.Count)
        {
            throw new InvalidOperationException($"The guidance index should be one segment of {passages.Count} documents.");
        }

        _searcher = new IndexSearcher(_reader) { Similarity = similarity };
        string[] fields = [TextField, ContextField, HeadingField, SectionField, QuestionsField];
        ReadTermScores(similarity, fields);
        ReadPhrasePairs(similarity);
        _passageTerms = passages.Select(p => _analyzer.Terms(IndexedText(p)).ToHashSet(StringComparer.Ordinal)).ToList();
        _askedTerms = passages.Select(p => p.Questions.Select(q => _analyzer.Terms(q).ToHashSet(StringComparer.Ordinal)).ToList()).ToList();
        var contextTerms = passages.Select(p => _analyzer.Terms($"{p.Title}\n{p.Section}\n{p.Municipality}"));
        var textTerms = _passageTerms.Zip(contextTerms, (t, c) => t.Union(c).ToHashSet(StringComparer.Ordinal)).ToList();
        TextVocabulary = new GuidanceVocabulary([.. textTerms]);
        Vocabulary = new GuidanceVocabulary([.. textTerms.Select((t, i) => (IReadOnlySet<string>)t.Union(_askedTerms[i].SelectMany(q => q)).ToHashSet(StringComparer.Ordinal))]);
        _questions = new QuestionAnalyzer(decompounder, Vocabulary);
        _textQuestions = new QuestionAnalyzer(new Decompounder(textWords), TextVocabulary);
        _scopes = passages.Select(ScopeTerms).ToList();
        _byId = passages.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyList<GuidancePassage> Passages { get; }

    /// <summary>The municipalities the corpus has documents for (as in their headers, e.g. "alingsas").</summary>
    public IReadOnlyList<string> Municipalities => [.. Passages.Select(p => p.Municipality).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.Ordinal)];

    /// <summary>The passage with this <see cref="GuidancePassage.Id"/>, or null (the corpus changed since it was shown).</summary>
    public GuidancePassage? Find(string id) => _byId.TryGetValue(id, out var passage) ? passage : null;

    public GuidanceWeights Weights { get; }

    /// <summary>The stems of the passages and of the questions they answer: what a question is searched with.</summary>
    internal GuidanceVocabulary Vocabulary { get; }

    /// <summary>The stems of the guidance's own text (passages and their context), without the questions.</summary>
    internal GuidanceVocabulary TextVocabulary { get; }

    /// <summary>The analyzed terms of a text as the index holds them (compound parts included).</summary>
    public IReadOnlyList<string> Terms(string text) => _analyzer.Terms(text);

    public GuidanceQuery Analyze(string question) => _questions.Analyze(QuestionReading.Read(question));

    /// <summary>
    /// The question against the guidance's own words only, as the decision to answer sees it: a word the passages
    /// never use stays unknown even when a known question has it ("partistöd", "mejl"), so knowing how members ask
    /// about a passage cannot make a question about something else look covered.
    /// </summary>
    internal GuidanceQuery AnalyzeAgainstText(GuidanceQuery query) => _textQuestions.Analyze(query.Reading ?? QuestionReading.Read(query.Question));

    /// <summary>True when the term names some document's scope (a municipality, SKL, SKR).</summary>
    public bool IsScopeTerm(string term)
    {
        foreach (var scope in _scopes)
        {
            if (scope.Contains(term))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when one of the word's stems names some document's scope.</summary>
    internal bool NamesAScope(QueryWord word)
    {
        foreach (var terms in (IReadOnlyList<string>[])[word.Terms, word.Related])
        {
            foreach (var term in terms)
            {
                if (IsScopeTerm(term))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the passage's document has one of the scope terms.</summary>
    public bool InScope(int ordinal, IReadOnlySet<string> terms) => _scopes[ordinal].Overlaps(terms);

    /// <summary>
    /// Ranked passages for a question: BM25 on the passage (its text, the heading it opens, the document's context),
    /// plus a share of the score of the whole section it stands in, since a question is usually about what a
    /// section is about. A passage must match on its own; its section only ranks it among those that do. One clause
    /// per question word and no query syntax, so nothing in a question can change the query's shape.
    /// </summary>
    /// <remarks>
    /// <c>Match</c> is the score of the question's own words; <c>Score</c> adds the small lift of the asking word's
    /// cues, which orders passages but must not make a question look better answered than it is.
    /// </remarks>
    public IReadOnlyList<(int Ordinal, float Score, float Match)> Search(GuidanceQuery query, int max)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = query.Words.Where(w => w.Known).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var n = Passages.Count;
        var pool = System.Buffers.ArrayPool<float>.Shared;
        var passageScores = pool.Rent(n);
        var sectionScores = pool.Rent(n);
        var cueScores = pool.Rent(n);
        var ranked = System.Buffers.ArrayPool<(int Ordinal, float Score, float Match)>.Shared.Rent(n);
        try
        {
            Array.Clear(passageScores, 0, n);
            Array.Clear(sectionScores, 0, n);
            Array.Clear(cueScores, 0, n);
            if (ExecuteWithLucene)
            {
                ExecuteWithLuceneSearcher(words, query.Cues, passageScores, sectionScores, cueScores);
            }
            else
            {
                Sum(words, query.Cues, passageScores, sectionScores, cueScores);
            }

            var count = 0;
            for (var p = 0; p < n; p++)
            {
                if (passageScores[p] <= 0)
                {
                    continue;
                }

                var match = (passageScores[p] + (Weights.Section * sectionScores[p])) * Coordination(words, p);
                if (match > 0)
                {
                    ranked[count++] = (p, match + (Weights.Cue * cueScores[p]) + LearnedLift(p, query.Question), match);
                }
            }

            var best = ranked.AsSpan(0, count);
            best.Sort(static (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Ordinal.CompareTo(y.Ordinal));
            return best[..Math.Min(count, Math.Max(max, 1))].ToArray();
        }
        finally
        {
            pool.Return(passageScores);
            pool.Return(sectionScores);
            pool.Return(cueScores);
            System.Buffers.ArrayPool<(int Ordinal, float Score, float Match)>.Shared.Return(ranked);
        }
    }

    /// <summary>
    /// The share of the question's words the passage itself or one of its known questions contains, raised to <see cref="GuidanceWeights.Coordination"/>:
    /// a passage that answers the whole question beats one that repeats one rare word of it.
    /// </summary>
    private float Coordination(List<QueryWord> words, int ordinal)
    {
        if (Weights.Coordination == 0)
        {
            return 1;
        }

        var matched = 0;
        foreach (var word in words)
        {
            if (Contains(ordinal, word) || HeldByAQuestion(ordinal, word))
            {
                matched++;
            }
        }

        return MathF.Pow((float)matched / words.Count, Weights.Coordination);
    }

    /// <summary>True when the passage has one of the word's stems, or every part of it as a compound.</summary>
    internal bool Contains(int ordinal, QueryWord word) => Holds(_passageTerms[ordinal], word);

    /// <summary>
    /// How closely one of the passage's known questions says what the member asked, both ways: the harmonic mean of
    /// the share of the member's information (IDF-weighted; <paramref name="weight"/>) that the known question holds and
    /// the share of the known question's information the member used. With over a thousand known questions, one that
    /// merely shares the member's one word ("hur byter jag parti") must not count as asked before.
    /// </summary>
    internal double Asked(int ordinal, IReadOnlyList<QueryWord> words, Func<QueryWord, double> weight)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(weight);
        double[] weights = [.. words.Select(weight)];
        var total = weights.Sum();
        if (total <= 0)
        {
            return 0;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            used.UnionWith(word.All);
            foreach (var alternatives in word.Parts)
            {
                used.UnionWith(alternatives);
            }
        }

        var best = 0d;
        foreach (var question in _askedTerms[ordinal])
        {
            double held = 0, own = 0, shared = 0;
            for (var i = 0; i < words.Count; i++)
            {
                if (words[i].Known && Holds(question, words[i]))
                {
                    held += weights[i];
                }
            }

            foreach (var term in question)
            {
                var idf = Vocabulary.Idf(term);
                own += idf;
                if (used.Contains(term))
                {
                    shared += idf;
                }
            }

            var recall = held / total;
            var precision = own > 0 ? shared / own : 0;
            if (recall + precision > 0)
            {
                best = Math.Max(best, 2 * recall * precision / (recall + precision));
            }
        }

        return best;
    }

    private bool HeldByAQuestion(int ordinal, QueryWord word)
    {
        foreach (var question in _askedTerms[ordinal])
        {
            if (Holds(question, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="Contains"/> for any set of terms. Indexed loops rather than LINQ or foreach over the interface: it runs
    /// for every candidate passage and each of its known questions, where enumerators (boxed) and delegates would be
    /// most of a query's allocation.
    /// </summary>
    private static bool Holds(HashSet<string> terms, QueryWord word)
    {
        if (HoldsAny(terms, word.Terms) || HoldsAny(terms, word.Related))
        {
            return true;
        }

        if (word.Parts.Count < 2)
        {
            return false;
        }

        for (var i = 0; i < word.Parts.Count; i++)
        {
            if (!HoldsAny(terms, word.Parts[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HoldsAny(HashSet<string> terms, IReadOnlyList<string> candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (terms.Contains(candidates[i]))
            {
                return true;
            }
        }

        return false;
    }


    /// <summary>True once disposed: a learned build swapped out (<see cref="LearnedIndexes"/>) after its last search.</summary>
    internal bool IsDisposed { get; private set; }

    public void Dispose()
    {
        IsDisposed = true;
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>The lower-case words of a text, as the compound splitter's vocabulary.</summary>
    private static string[] Words(string text) =>
        SwedishGuidanceAnalyzer.Plain(text).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The passage, and for the first under a heading the heading too: "Vid hot via telefon" is what the list under
    /// it is about, and "Otillåten påverkan är ..." is the answer to "vad är otillåten påverkan", not the paragraph after.
    /// </summary>
    private static string IndexedText(GuidancePassage p) =>
        p.OpensSection ? $"{Heading(p)}\n{p.Text}" : p.Text;

    private static string Heading(GuidancePassage p) => p.Section.Split(" > ")[^1];

    /// <summary>
    /// The words that name a document's scope: its municipality, and abbreviations in its publisher ("SKL", "SKR").
    /// A question naming one ("enligt SKL", "i gbg") asks about that document rather than about those words.
    /// </summary>
    private HashSet<string> ScopeTerms(GuidancePassage p)
    {
        var names = new List<string> { p.Municipality };
        names.AddRange(Abbreviation().Matches(p.Publisher).Select(m => m.Value));
        return names.Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => SwedishGuidanceAnalyzer.Stem(n.Trim().ToLowerInvariant()))
            .SelectMany(stem => Vocabulary.Contains(stem) ? [stem] : Vocabulary.WithFolded(SwedishFold.Fold(stem)))
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\b\p{Lu}{2,5}\b")]
    private static partial Regex Abbreviation();
}
