using System.Diagnostics;
using System.Text.Json.Nodes;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Guidance;
using Trygg.Testing;

namespace Trygg.Bench;

/// <summary>
/// Guidance in process, as the bot uses it: the index build over the shipped corpus, and queries over the dev set. A
/// query is the whole path a member's question takes up to the card: the search with the rejected-pairs filter the
/// bot always passes, the band, and the card of that band (the answer with its key sentence, the suggestions' titles,
/// or "Jag hittar inget"), rendered.
/// </summary>
internal static class GuidanceBench
{
    public static JsonObject Run(int rounds)
    {
        var passages = GuidanceCorpus.Load(RepoPaths.Combine("bot", "Guidance", "Corpus"));
        var questions = (JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("eval", "qa-dev.json")))!.AsArray())
            .Select(q => (string)q!["question"]!)
            .ToArray();

        // The build: median of five (the first one also pays for JIT and Lucene's static setup).
        var builds = new double[5];
        GuidanceIndex? index = null;
        for (var i = 0; i < builds.Length; i++)
        {
            index?.Dispose();
            var started = Stopwatch.GetTimestamp();
            index = new GuidanceIndex(passages);
            builds[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        using (index)
        {
            var search = new GuidanceSearch(index!);
            var cards = new GuidanceCards(new CardRenderer(), index!);
            var cold = Stopwatch.GetTimestamp();
            ToCard(search, cards, questions[0]);
            var firstQuery = Stopwatch.GetElapsedTime(cold).TotalMilliseconds;

            // Warm up as a running bot is: past tiered JIT's first tier (methods are recompiled optimised after 30
            // calls, in the background), so the figures are the steady state a member meets, not the first seconds.
            var warm = Stopwatch.StartNew();
            for (var round = 0; round < 20 || warm.Elapsed < TimeSpan.FromSeconds(3); round++)
            {
                foreach (var question in questions)
                {
                    ToCard(search, cards, question);
                }
            }

            var collections = GC.CollectionCount(0);

            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var timings = new double[rounds * questions.Length];
            var n = 0;
            for (var round = 0; round < rounds; round++)
            {
                foreach (var question in questions)
                {
                    var started = Stopwatch.GetTimestamp();
                    ToCard(search, cards, question);
                    timings[n++] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }

            collections = GC.CollectionCount(0) - collections;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Array.Sort(timings);
            var firstBuild = builds[0];
            Array.Sort(builds);
            return new JsonObject
            {
                ["questions"] = questions.Length,
                ["queries"] = timings.Length,
                ["query_p50_ms"] = Math.Round(Load.Percentile(timings, 0.50), 3),
                ["query_p99_ms"] = Math.Round(Load.Percentile(timings, 0.99), 3),
                ["query_max_ms"] = Math.Round(timings[^1], 3),
                ["first_query_ms"] = Math.Round(firstQuery, 1),
                ["gen0_collections_while_measuring"] = collections,
                ["allocated_kb_per_query"] = Math.Round(allocated / 1024.0 / timings.Length, 1),
                ["passages"] = passages.Count,
                ["index_build_ms"] = Math.Round(builds[builds.Length / 2], 1),
                ["index_build_first_ms"] = Math.Round(firstBuild, 1),
            };
        }
    }

    /// <summary>A member's question to its card, as GuidanceActions takes it (without the storage write).</summary>
    private static AdaptiveCard ToCard(GuidanceSearch search, GuidanceCards cards, string question)
    {
        var answer = search.Search(question, municipality: null, excluded: _ => false);
        var context = new AnswerContext(question, [.. answer.Hits.Select(h => h.Passage)], null, null, "bench", DateTimeOffset.UnixEpoch);
        return cards.For(Language.Swedish, context, answer.Mode);
    }
}
