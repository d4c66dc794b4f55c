using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Trygg.Guidance;

/// <summary>
/// An in-memory BM25 index over the passages, built once. Two fields: the passage text, and its context (title,
/// section, municipality) so "i Göteborg" or a section name lifts the right document without outweighing the text.
/// </summary>
public sealed class GuidanceIndex : IDisposable
{
    private const string TextField = "text";
    private const string ContextField = "context";
    private const string MunicipalityField = "municipality";
    private const string OrdinalField = "ordinal";
    private const float ContextBoost = 0.4f;
    private const float MunicipalityBoost = 0.5f;

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly List<HashSet<string>> _passageTerms;

    public GuidanceIndex(IReadOnlyList<GuidancePassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        Passages = passages;
        var config = new IndexWriterConfig(SwedishGuidanceAnalyzer.Version, Analyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < passages.Count; i++)
            {
                var p = passages[i];
                writer.AddDocument(
                [
                    new TextField(TextField, p.Text, Field.Store.NO),
                    new TextField(ContextField, $"{p.Title}\n{p.Section}\n{p.Municipality}", Field.Store.NO),
                    new StringField(MunicipalityField, SwedishFold.Fold(p.Municipality.Trim()), Field.Store.NO),
                    new StoredField(OrdinalField, i),
                ]);
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _passageTerms = passages.Select(p => Analyzer.Terms($"{p.Text}\n{p.Section}").ToHashSet(StringComparer.Ordinal)).ToList();
        DocumentCount = passages.Count;
    }

    public SwedishGuidanceAnalyzer Analyzer { get; } = new();

    public IReadOnlyList<GuidancePassage> Passages { get; }

    public int DocumentCount { get; }

    /// <summary>How many passages contain the analyzed term (in text or section).</summary>
    public int DocumentFrequency(string term) => _passageTerms.Count(t => t.Contains(term));

    public bool PassageHasTerm(int ordinal, string term) => _passageTerms[ordinal].Contains(term);

    /// <summary>
    /// Ranked passages for already analyzed terms: one SHOULD clause per term and field (no query syntax, so
    /// nothing in a question can change the query's shape), plus a small lift for the member's municipality.
    /// </summary>
    public IReadOnlyList<(int Ordinal, float Score)> Search(IReadOnlyList<string> terms, string? municipality, int max)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0)
        {
            return [];
        }

        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            query.Add(new TermQuery(new Term(TextField, term)), Occur.SHOULD);
            query.Add(new TermQuery(new Term(ContextField, term)) { Boost = ContextBoost }, Occur.SHOULD);
        }

        if (!string.IsNullOrWhiteSpace(municipality))
        {
            query.Add(new TermQuery(new Term(MunicipalityField, SwedishFold.Fold(municipality.Trim()))) { Boost = MunicipalityBoost }, Occur.SHOULD);
        }

        return _searcher.Search(query, max).ScoreDocs
            .Select(d => (_searcher.Doc(d.Doc).GetField(OrdinalField).GetInt32Value() ?? -1, d.Score))
            .Where(d => d.Item1 >= 0)
            .ToList();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        Analyzer.Dispose();
    }
}
