using System.Diagnostics;
using System.Text.Json.Nodes;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Guidance;
using Trygg.Guidance.Browse;
using Trygg.Testing;
using Trygg.Texts;

namespace Trygg.Bench;

/// <summary>
/// Guidance in process, as the bot uses it: the index build over the shipped corpus, and queries over the dev set. A
/// query is the search with the rejected-pairs filter the bot always passes, the band and the suggestions (what the
/// member will be offered); the whole path up to the card adds that band's card (the answer with its key sentence,
/// the suggestions' titles, or "Jag hittar inget"), rendered, and is timed as well.
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
            var search = new GuidanceSearch(index!, topicOf: GuidanceTopics.Load(RepoPaths.Combine("bot", "Guidance", "Corpus"), passages).TopicOf);
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

            // Each part alone; "search" is the whole query.
            var allocatedByPart = GuidanceAllocation.Measure(index!, search, questions, Math.Max(rounds / 10, 1), () => new GuidanceIndex(passages));
            var collections = GC.CollectionCount(0);

            var fallbacks = index!.PhraseFallbacks;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var timings = new double[rounds * questions.Length];
            var toCard = new double[timings.Length];
            var n = 0;
            for (var round = 0; round < rounds; round++)
            {
                foreach (var question in questions)
                {
                    var started = Stopwatch.GetTimestamp();
                    var answer = Search(search, question);
                    timings[n] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    Render(cards, question, answer);
                    toCard[n++] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }

            collections = GC.CollectionCount(0) - collections;
            fallbacks = index.PhraseFallbacks - fallbacks;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            // The p99 of a few dozen questions asked over and over is the slowest questions' time: name them.
            var slowest = questions
                .Select((q, i) => (Question: q, Median: Load.Percentile([.. Enumerable.Range(0, rounds).Select(r => timings[r * questions.Length + i]).Order()], 0.5)))
                .OrderByDescending(q => q.Median)
                .Take(3)
                .ToList();
            Array.Sort(timings);
            Array.Sort(toCard);
            var firstBuild = builds[0];
            Array.Sort(builds);
            return new JsonObject
            {
                ["questions"] = questions.Length,
                ["queries"] = timings.Length,
                ["query_p50_ms"] = Math.Round(Load.Percentile(timings, 0.50), 3),
                ["query_p99_ms"] = Math.Round(Load.Percentile(timings, 0.99), 3),
                ["query_max_ms"] = Math.Round(timings[^1], 3),
                ["slowest_questions_median_ms"] = new JsonArray([.. slowest.Select(q => (JsonNode)new JsonObject { ["question"] = q.Question, ["ms"] = Math.Round(q.Median, 3) })]),
                ["to_card_p50_ms"] = Math.Round(Load.Percentile(toCard, 0.50), 3),
                ["to_card_p99_ms"] = Math.Round(Load.Percentile(toCard, 0.99), 3),
                ["first_query_ms"] = Math.Round(firstQuery, 1),
                ["gen0_collections_while_measuring"] = collections,
                ["allocated_kb_per_query"] = Math.Round(allocated / 1024.0 / timings.Length, 1),
                ["allocated_kb_per_query_by_part"] = allocatedByPart,
                ["phrase_clauses_through_lucene_per_query"] = Math.Round((double)fallbacks / timings.Length, 3),
                ["passages"] = passages.Count,
                ["index_build_ms"] = Math.Round(builds[builds.Length / 2], 1),
                ["index_build_first_ms"] = Math.Round(firstBuild, 1),
            };
        }
    }

    /// <summary>A member's question to its card, as GuidanceActions takes it (without the storage write).</summary>
    private static AdaptiveCard ToCard(GuidanceSearch search, GuidanceCards cards, string question) =>
        Render(cards, question, Search(search, question));

    private static GuidanceAnswer Search(GuidanceSearch search, string question) =>
        search.Search(question, municipality: null, excluded: _ => false);

    private static AdaptiveCard Render(GuidanceCards cards, string question, GuidanceAnswer answer)
    {
        var context = new AnswerContext(question, [.. answer.Hits.Select(h => h.Passage)], null, null, "bench", DateTimeOffset.UnixEpoch);
        return cards.For(Language.Swedish, context, answer.Mode);
    }
}
