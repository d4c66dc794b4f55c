using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Trygg.Guidance;
using Trygg.Guidance.Browse;

namespace Trygg.Eval;

/// <summary>
/// <c>eval guidance FILE</c>: answers each question exactly as the bot would (mode answer, suggest or none, and the
/// passages its card shows: the answer and "Läs också", or the suggestions, or none) and prints the JSON to stdout; per-query timings go to stderr.
/// </summary>
internal static class GuidanceEval
{
    public static async Task<int> RunAsync(string path, string corpusPath, TextWriter stdout, TextWriter stderr)
    {
        if (await EvalCommand.ReadAsync<QuestionInput>(path, "{ \"id\", \"question\" }", stderr) is not { } inputs)
        {
            return 2;
        }

        var build = Stopwatch.StartNew();
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

        using var index = new GuidanceIndex(passages, Weights(Environment.GetEnvironmentVariable("GUIDANCE_WEIGHTS")));
        // GUIDANCE_SAME_TOPIC=off scores the bands without the same-topic rule, to measure what the rule changes.
        var topics = Environment.GetEnvironmentVariable("GUIDANCE_SAME_TOPIC") == "off" ? null : GuidanceTopics.Load(corpusPath, passages);
        var search = new GuidanceSearch(index, topicOf: topics is null ? null : topics.TopicOf);
        // GUIDANCE_MUNICIPALITY=alingsas asks every question as a member of that municipality (default: none).
        var municipality = Environment.GetEnvironmentVariable("GUIDANCE_MUNICIPALITY") is { Length: > 0 } m ? m : null;
        var suggestions = int.TryParse(Environment.GetEnvironmentVariable("GUIDANCE_SUGGESTIONS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : GuidanceSearch.MaxSuggestions;
        await stderr.WriteLineAsync($"guidance: {passages.Count} passages indexed in {build.ElapsedMilliseconds} ms");

        // Warm-up: one untimed pass, since JIT of each code path is start-up cost, not query time.
        foreach (var input in inputs ?? [])
        {
            search.Search(input.Question ?? string.Empty, municipality, suggestions: suggestions);
        }

        var timings = new List<double>();
        var results = new List<QuestionOutput>();
        foreach (var input in inputs ?? [])
        {
            var watch = Stopwatch.StartNew();
            var answer = search.Search(input.Question ?? string.Empty, municipality, suggestions: suggestions);
            timings.Add(watch.Elapsed.TotalMilliseconds);
            var ranked = search.Rank(index.Analyze(input.Question ?? string.Empty), municipality, 3);
            await stderr.WriteLineAsync($"guidance ranked {input.Id} {JsonSerializer.Serialize(ranked.Select(h => h.Passage.Text), EvalCommand.Json).ReplaceLineEndings(" ")}");
            await stderr.WriteLineAsync($"guidance decision {input.Id} answered={answer.Answered} {search.Features(index.Analyze(input.Question ?? string.Empty), ranked)} words={Explain(index.Analyze(input.Question ?? string.Empty))}");
            await stderr.WriteLineAsync($"guidance features {input.Id} {search.Dump(input.Question ?? string.Empty)}");
            results.Add(new QuestionOutput(
                input.Id ?? string.Empty,
                Mode(answer.Mode),
                answer.Answered,
                answer.Hits.Select(PassageOutput.From).ToList()));
        }

        if (timings.Count > 0)
        {
            timings.Sort();
            await stderr.WriteLineAsync(
                $"guidance query time: p50 {Percentile(timings, 0.50):F2} ms, p99 {Percentile(timings, 0.99):F2} ms, max {timings[^1]:F2} ms over {timings.Count} queries");
        }

        await stdout.WriteLineAsync(JsonSerializer.Serialize(results, EvalCommand.Json));
        return 0;
    }

    /// <summary>How the question was read: each word with its stems, [parts] or ? when the guidance never uses it.</summary>
    private static string Explain(GuidanceQuery query) => string.Join(' ', query.Words.Select(w =>
        w.Known
            ? $"{w.Text}={string.Join('|', w.Terms)}{(w.Related.Count > 0 ? "(" + string.Join('|', w.Related) + ")" : string.Empty)}{(w.Parts.Count > 1 ? "[" + string.Join('+', w.Parts.Select(p => string.Join('|', p))) + "]" : string.Empty)}"
            : $"{w.Text}=?"));

    /// <summary>
    /// The default weights, or with some replaced for a tuning run on the development sets:
    /// GUIDANCE_WEIGHTS="Cue=0.5,Parts=0.8" (names of <see cref="GuidanceWeights"/> properties).
    /// </summary>
    private static GuidanceWeights Weights(string? overrides)
    {
        var weights = GuidanceWeights.Default with { };
        foreach (var pair in (overrides ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, value) = (pair.Split('=')[0], pair.Split('=')[^1]);
            var property = typeof(GuidanceWeights).GetProperty(name) ?? throw new ArgumentException($"GUIDANCE_WEIGHTS: no weight {name}");
            property.SetValue(weights, float.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return weights;
    }

    private static string Mode(GuidanceMode mode) => mode switch
    {
        GuidanceMode.Answer => "answer",
        GuidanceMode.Suggest => "suggest",
        _ => "none",
    };

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    internal static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed record QuestionInput(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("question")] string? Question);

    private sealed record QuestionOutput(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("mode")] string Mode,
        [property: JsonPropertyName("answered")] bool Answered,
        [property: JsonPropertyName("passages")] IReadOnlyList<PassageOutput> Passages);

}

/// <summary>
/// A passage a card showed, as the eval commands print it (<c>eval guidance</c>, <c>eval turns</c>): its text, document
/// and section, and the ranking score when the printer has it (<c>eval turns</c> reads what the card showed, without scores).
/// </summary>
internal sealed record PassageOutput(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("document")] string Document,
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("score"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Score = null)
{
    public static PassageOutput From(GuidanceHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return From(hit.Passage) with { Score = Math.Round(hit.Score, 3) };
    }

    public static PassageOutput From(GuidancePassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return new PassageOutput(passage.Text, passage.DocumentId, passage.Section);
    }
}
