using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Trygg.Guidance;

/// <summary>
/// A question's search as Lucene queries executed by Lucene's own searcher: the reference that the sums of
/// <see cref="Sum"/> must equal (a unit test runs the evaluation questions both ways). The bot never runs it.
/// </summary>
public sealed partial class GuidanceIndex
{
    /// <summary>For tests: run every query through Lucene's searcher instead, the reference the in-memory sums must equal.</summary>
    internal bool ExecuteWithLucene { get; set; }

    private void ExecuteWithLuceneSearcher(List<QueryWord> words, IReadOnlyList<string> cues, float[] passageScores, float[] sectionScores, float[] cueScores)
    {
        var passage = new BooleanQuery();
        var section = new BooleanQuery();
        foreach (var word in words)
        {
            passage.Add(PassageQuery(word), Occur.SHOULD);
            if (word.All.Any())
            {
                section.Add(Best(word, SectionField), Occur.SHOULD);
            }
        }

        if (Weights.Proximity > 0)
        {
            // Neighbouring question words that stand together in the passage too ("särskilt arvoderade", "säkerhet och beredskap").
            for (var i = 0; i + 1 < words.Count; i++)
            {
                if (words[i].Terms.Count > 0 && words[i + 1].Terms.Count > 0)
                {
                    var pair = new MultiPhraseQuery { Slop = PhraseSlop, Boost = Weights.Proximity };
                    Term[] first = [.. Present(TextField, words[i].Terms)];
                    Term[] second = [.. Present(TextField, words[i + 1].Terms)];
                    if (first.Length > 0 && second.Length > 0)
                    {
                        pair.Add(first);
                        pair.Add(second);
                        passage.Add(pair, Occur.SHOULD);
                    }
                }
            }
        }

        var cue = new DisjunctionMaxQuery(TieBreaker);
        foreach (var term in Present(TextField, Weights.Cue > 0 ? cues : []))
        {
            cue.Add(new TermQuery(term));
        }

        Collect(section, sectionScores);
        Collect(cue, cueScores);
        Collect(passage, passageScores);
    }

    private void Collect(Query query, float[] into)
    {
        if (query is BooleanQuery { Clauses.Count: 0 } || query is DisjunctionMaxQuery { Disjuncts.Count: 0 })
        {
            return;
        }

        foreach (var hit in _searcher.Search(query, Passages.Count).ScoreDocs)
        {
            into[Ordinal(hit.Doc)] = hit.Score;
        }
    }

    /// <summary>
    /// One question word in a passage: the best of its stems in the text (related stems and compound parts count
    /// for less), plus smaller shares for the heading the passage opens and the document's context.
    /// </summary>
    private BooleanQuery PassageQuery(QueryWord word)
    {
        var text = Best(word, TextField);
        if (word.Parts.Count > 1)
        {
            var parts = new BooleanQuery { Boost = Weights.Parts };
            foreach (var part in Present(TextField, word.Parts.SelectMany(p => p)))
            {
                parts.Add(new TermQuery(part), Occur.SHOULD);
            }

            text.Add(parts);
        }

        var query = new BooleanQuery { { text, Occur.SHOULD } };
        if (word.All.Any())
        {
            var heading = Best(word, HeadingField);
            heading.Boost = Weights.Heading;
            var context = Best(word, ContextField);
            context.Boost = Weights.Context;
            query.Add(heading, Occur.SHOULD);
            query.Add(context, Occur.SHOULD);
            if (Weights.Questions > 0)
            {
                var asked = Best(word, QuestionsField);
                asked.Boost = Weights.Questions;
                query.Add(asked, Occur.SHOULD);
            }
        }

        return query;
    }

    /// <summary>The best-matching of a word's stems in one field; related stems count for less.</summary>
    private DisjunctionMaxQuery Best(QueryWord word, string field)
    {
        var best = new DisjunctionMaxQuery(TieBreaker);
        foreach (var term in Present(field, word.Terms))
        {
            best.Add(new TermQuery(term));
        }

        foreach (var term in Present(field, word.Related))
        {
            best.Add(new TermQuery(term) { Boost = Weights.Related });
        }

        return best;
    }

    /// <summary>
    /// The terms the field holds, as shared <see cref="Term"/> instances. A term the index lacks adds nothing to a BM25
    /// score (coordination and query norm are 1), and a question expands to hundreds of them: they are left out of the query.
    /// </summary>
    private IEnumerable<Term> Present(string field, IEnumerable<string> terms)
    {
        var known = _termScores[field];
        foreach (var term in terms)
        {
            if (known.TryGetValue(term, out var held))
            {
                yield return held.Term;
            }
        }
    }

}
