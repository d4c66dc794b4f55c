using System.Text.Json.Nodes;
using Trygg.Guidance;

namespace Trygg.Bench;

/// <summary>
/// Where a guidance query's allocation goes, part by part, in bytes per question (averaged over the questions and
/// rounds). Allocation, unlike time, does not change when other work shares the machine, so it tells whether a change
/// to the query path made it leaner even when the timings cannot be trusted.
/// </summary>
internal static class GuidanceAllocation
{
    public static JsonObject Measure(GuidanceIndex index, GuidanceSearch search, IReadOnlyList<string> questions, int rounds)
    {
        var parts = new (string Name, Action<string> Run)[]
        {
            ("analyze", q => index.Analyze(q)),
            ("analyze_against_text", q => index.AnalyzeAgainstText(q)),
            ("index_search", q => index.Search(index.Analyze(q), 20)),
            ("rank", q => search.Rank(index.Analyze(q), null, 20)),
            ("features", q => search.Features(index.Analyze(q), search.Rank(index.Analyze(q), null, 20))),
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

        return result;
    }
}
