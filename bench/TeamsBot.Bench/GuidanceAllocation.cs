using System.Text.Json.Nodes;
using Trygg.Guidance;

namespace Trygg.Bench;

/// <summary>
/// Where a guidance query's allocation goes, part by part, in bytes per question (averaged over the questions and
/// rounds). Each part is measured alone, given what the parts before it made, except "search", the whole query
/// (reading, analysis against both vocabularies, ranking, features, band and suggestions). Allocation, unlike time, does not change when other work shares the machine, so it tells whether a change
/// to the query path made it leaner even when the timings cannot be trusted.
/// </summary>
internal static class GuidanceAllocation
{
    public static JsonObject Measure(GuidanceIndex index, GuidanceSearch search, IReadOnlyList<string> questions, int rounds, Func<GuidanceIndex> build)
    {
        // Each part alone: what it is given (the analysed question, the ranking) is made before its measurement.
        var analyzed = questions.ToDictionary(q => q, index.Analyze);
        var ranked = questions.ToDictionary(q => q, q => search.Rank(analyzed[q], null, 20));
        var parts = new (string Name, Action<string> Run)[]
        {
            ("read", q => QuestionReading.Read(q)),
            ("analyze", q => index.Analyze(q)),
            ("analyze_against_text", q => index.AnalyzeAgainstText(analyzed[q])),
            ("index_search", q => index.Search(analyzed[q], 20)),
            ("rank", q => search.Rank(analyzed[q], null, 20)),
            ("features", q => search.Features(analyzed[q], ranked[q])),
            ("search", q => search.Search(q, municipality: null, excluded: _ => false)),
        };
        var result = new JsonObject();
        foreach (var (name, run) in parts)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var question in questions)
                {
                    run(question);
                }
            }

            result[name + "_kb"] = Math.Round((GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0 / (rounds * questions.Count), 1);
        }

        // The same questions on a new index, once: every word is new to it (its analysis and phrase clauses are worked
        // out, not remembered), as a member's unusual question is.
        using (var fresh = build())
        {
            var first = new GuidanceSearch(fresh);
            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var question in questions)
            {
                first.Search(question, municipality: null, excluded: _ => false);
            }

            result["search_first_time_kb"] = Math.Round((GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0 / questions.Count, 1);
        }

        return result;
    }
}
