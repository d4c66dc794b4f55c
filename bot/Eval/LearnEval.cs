using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging.Abstractions;
using Trygg.Guidance;
using Trygg.Guidance.Browse;
using Trygg.Guidance.Learning;

namespace Trygg.Eval;

/// <summary>
/// <c>eval learn TEACH EVAL</c>: the learning simulation. Scores EVAL; then, as an administrator would, teaches the
/// questions of TEACH that the guidance does not answer right (not answered, or its first passage lacks every
/// <c>expect_any</c> substring): each becomes a candidate for the passage that holds an expected substring (the best
/// ranked such passage, else the first in the corpus) and is approved through <see cref="GuidanceLearning.DecideAsync(string, string, bool, CancellationToken, bool)"/>,
/// the method behind Godkänn, on an in-memory store; then scores EVAL again and prints both, with every EVAL question
/// whose outcome changed, as JSON to stdout.
/// </summary>
internal static class LearnEval
{
    private const string Organisation = "eval";

    public static async Task<int> RunAsync(string teachPath, string evalPath, string corpusPath, TextWriter stdout, TextWriter stderr)
    {
        List<Question> teach, evaluate;
        try
        {
            teach = await ReadAsync(teachPath);
            evaluate = await ReadAsync(evalPath);
        }
        catch (JsonException e)
        {
            await stderr.WriteLineAsync($"TEACH and EVAL must be JSON arrays of {{ \"id\", \"question\", \"expect_any\", \"doc\" }}: {e.Message}");
            return 2;
        }

        IReadOnlyList<GuidancePassage> passages;
        try
        {
            passages = GuidanceCorpus.Load(corpusPath);
        }
        catch (DirectoryNotFoundException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return 2;
        }

        using var index = new GuidanceIndex(passages);
        using var indexes = new LearnedIndexes(index);
        var search = new GuidanceSearch(index, indexes, GuidanceTopics.Load(corpusPath, passages).TopicOf);
        using var learning = new GuidanceLearning(new InMemoryLearnedPairStore(), index, indexes, TimeProvider.System, NullLogger<GuidanceLearning>.Instance);

        var before = evaluate.Select(q => Outcome(search, index, q)).ToList();
        int missed = 0, taught = 0;
        foreach (var question in teach.Where(q => q.Answerable && Outcome(search, index, q) != "right"))
        {
            missed++;
            if (Holding(search, index, question) is not { } passage)
            {
                await stderr.WriteLineAsync($"learn: no passage holds what {question.Id} expects; not taught");
                continue;
            }

            await learning.RecordCandidateAsync(Organisation, question.Text, passage.Id, CancellationToken.None);
            await learning.DecideAsync(Organisation, LearnedPair.KeyOf(question.Text, passage.Id), approve: true, CancellationToken.None);
            taught++;
        }

        await learning.RefreshAsync(CancellationToken.None);
        var after = evaluate.Select(q => Outcome(search, index, q)).ToList();
        var changed = evaluate.Select((q, i) => new Change(q.Id ?? string.Empty, before[i], after[i])).Where(c => c.Before != c.After).ToList();
        var result = new LearnResult(
            new Taught(Path.GetFileName(teachPath), teach.Count(q => q.Answerable), missed, taught),
            Path.GetFileName(evalPath),
            Score(evaluate, before),
            Score(evaluate, after),
            changed);
        await stdout.WriteLineAsync(JsonSerializer.Serialize(result, EvalCommand.Json));
        return 0;
    }

    /// <summary>right (answered, first passage expected), wrong (answered, not), unanswered, or for out of scope: answered / declined.</summary>
    private static string Outcome(GuidanceSearch search, GuidanceIndex index, Question q)
    {
        var answer = search.Search(q.Text, municipality: null, organisationId: Organisation);
        if (!q.Answerable)
        {
            return answer.Answered ? "out-of-scope-answered" : "declined";
        }

        if (!answer.Answered)
        {
            var ranked = search.Rank(index.Analyze(q.Text), municipality: null, 3);
            return ranked.Any(h => q.Holds(h.Passage.Text)) ? "unanswered-top3" : "unanswered";
        }

        return q.Holds(answer.Hits[0].Passage.Text) ? "right" : "wrong";
    }

    private static GuidancePassage? Holding(GuidanceSearch search, GuidanceIndex index, Question q) =>
        search.Rank(index.Analyze(q.Text), municipality: null, 20).Select(h => h.Passage).FirstOrDefault(p => q.Holds(p.Text))
        ?? index.Passages.FirstOrDefault(p => q.Holds(p.Text));

    private static Scores Score(List<Question> questions, List<string> outcomes)
    {
        var answerable = questions.Count(q => q.Answerable);
        var outOfScope = questions.Count - answerable;
        double Rate(string outcome, int of) => of == 0 ? 0 : Math.Round((double)outcomes.Count(o => o == outcome) / of, 3);
        return new Scores(
            answerable,
            outOfScope,
            Rate("right", answerable),
            Rate("wrong", answerable),
            Math.Round((double)outcomes.Count(o => o.StartsWith("unanswered", StringComparison.Ordinal)) / Math.Max(answerable, 1), 3),
            Rate("unanswered-top3", answerable),
            Rate("out-of-scope-answered", outOfScope));
    }

    private static async Task<List<Question>> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<List<Question>>(stream, EvalCommand.Json) ?? [];
    }

    private sealed record Question(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("question")] string? QuestionText,
        [property: JsonPropertyName("expect_any")] List<string>? ExpectAny,
        [property: JsonPropertyName("doc")] string? Doc)
    {
        public string Text => QuestionText ?? string.Empty;

        public bool Answerable => Doc is not null && ExpectAny is { Count: > 0 };

        /// <summary>The scoring rule of docs/evaluation.md: an expected substring, case-insensitive, white space folded.</summary>
        public bool Holds(string passage) => (ExpectAny ?? []).Any(e => Fold(passage).Contains(Fold(e), StringComparison.Ordinal));

        private static string Fold(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    private sealed record Taught(
        [property: JsonPropertyName("file")] string File,
        [property: JsonPropertyName("answerable")] int Answerable,
        [property: JsonPropertyName("missed")] int Missed,
        [property: JsonPropertyName("taught")] int TaughtCount);

    private sealed record Scores(
        [property: JsonPropertyName("answerable")] int Answerable,
        [property: JsonPropertyName("out_of_scope")] int OutOfScope,
        [property: JsonPropertyName("answered_right")] double Right,
        [property: JsonPropertyName("confident_wrong")] double Wrong,
        [property: JsonPropertyName("not_answered")] double NotAnswered,
        [property: JsonPropertyName("not_answered_but_top3")] double NotAnsweredTop3,
        [property: JsonPropertyName("out_of_scope_answered")] double OutOfScopeAnswered);

    private sealed record Change(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("before")] string Before,
        [property: JsonPropertyName("after")] string After);

    private sealed record LearnResult(
        [property: JsonPropertyName("teach")] Taught Teach,
        [property: JsonPropertyName("eval")] string Eval,
        [property: JsonPropertyName("before")] Scores Before,
        [property: JsonPropertyName("after")] Scores After,
        [property: JsonPropertyName("changed")] IReadOnlyList<Change> Changed);
}
