using System.Text.Json;
using System.Text.RegularExpressions;

namespace Trygg.Guidance;

/// <summary>
/// Quality floors on the real corpus, scored the way scripts/eval-guidance.sh scores (a passage counts when it
/// contains one of the expected facts). The floors sit a few questions below the measured figures so a change that
/// makes search clearly worse fails, while the figures themselves are reported by the script, not asserted here.
/// </summary>
public sealed partial class GuidanceQualityTests : IDisposable
{
    private readonly GuidanceIndex _index = new(GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath));

    public void Dispose() => _index.Dispose();

    // Measured with scripts/eval-guidance.sh with 1,329 known questions (.questions files), the detail rule, the
    // everyday words (Everyday.txt) and the -ena plural: own set top-1 79/95, top-3 87/95, out of scope answered 3/59;
    // qa-dev 21/23, 21/23, 0/2; held-out 1 34/48, 41/48, 0/12; held-out 2 50/63, 54/63, 0/16; held-out 3 59/80, 63/80, 5/20;
    // held-out 4 48/80, 53/80, 4/20 (43/80, 48/80 when it was scored blind, before the everyday words);
    // held-out 5 (written blind, scored once) 48/80, 54/80, 2/20 (47, 53 when scored); held-out 6 (written blind, scored
    // once, read since) 43/80, 53/80, 0/20 (40, 49 when scored); held-out 7 (written blind, scored once) 37/80, 46/80, 1/20;
    // held-out 8 (written blind, its misses printed once, not worked on) 49/80, 58/80, 1/20; held-out 9 (blind) 47/80, 56/80, 3/20.
    // The floors sit a question or three below, so a change that makes search worse on any set fails; the held-out
    // sets are guarded here, never tuned on.
    [Theory]
    [InlineData("guidance-questions.json", 0.80, 0.89, 4)]
    [InlineData("qa-dev.json", 0.86, 0.86, 0)]
    [InlineData("guidance-holdout.json", 0.66, 0.81, 1)]
    [InlineData("guidance-holdout2.json", 0.73, 0.79, 1)]
    [InlineData("guidance-holdout3.json", 0.70, 0.75, 6)]
    [InlineData("guidance-holdout4.json", 0.56, 0.62, 5)]
    [InlineData("guidance-holdout5.json", 0.55, 0.62, 3)]
    [InlineData("guidance-holdout6.json", 0.48, 0.61, 1)]
    [InlineData("guidance-holdout7.json", 0.42, 0.53, 2)]
    [InlineData("guidance-holdout8.json", 0.58, 0.69, 1)]
    [InlineData("guidance-holdout9.json", 0.55, 0.66, 3)]
    public void Search_QuestionSet_StaysAboveTheFloor(string file, double minTop1, double minTop3, int maxOutOfScopeAnswered)
    {
        var search = new GuidanceSearch(_index);
        var items = Load(file);
        var inScope = items.Where(i => i.Doc is not null).ToList();
        var outOfScope = items.Where(i => i.Doc is null).ToList();

        var hits = inScope.Select(i => (Item: i, Hits: search.Search(i.Question, municipality: null).Hits)).ToList();
        bool Holds(Item i, GuidanceHit h) => i.ExpectAny.Any(x => Fold(h.Passage.Text).Contains(Fold(x), StringComparison.Ordinal));
        var top1 = hits.Count(x => x.Hits.Take(1).Any(h => Holds(x.Item, h)));
        var top3 = hits.Count(x => x.Hits.Any(h => Holds(x.Item, h)));
        var wronglyAnswered = outOfScope.Where(i => search.Search(i.Question, municipality: null).Answered).Select(i => i.Id).ToList();

        Assert.True(top1 >= minTop1 * inScope.Count, $"top-1 {top1}/{inScope.Count} is below the floor {minTop1:P0}");
        Assert.True(top3 >= minTop3 * inScope.Count, $"top-3 {top3}/{inScope.Count} is below the floor {minTop3:P0}");
        Assert.True(
            wronglyAnswered.Count <= maxOutOfScopeAnswered,
            $"{wronglyAnswered.Count} out-of-scope questions answered (at most {maxOutOfScopeAnswered}): {string.Join(", ", wronglyAnswered)}");
    }

    [Fact]
    public void Search_ScoresSummedFromThePostings_EqualLuceneExecutingTheSameQuery()
    {
        var questions = EvaluationQuestions();
        Assert.True(questions.Count > 400);
        foreach (var question in questions)
        {
            var query = _index.Analyze(question);
            _index.ExecuteWithLucene = true;
            var lucene = _index.Search(query, 20);
            _index.ExecuteWithLucene = false;
            var summed = _index.Search(query, 20);

            Assert.True(lucene.Select(h => h.Ordinal).SequenceEqual(summed.Select(h => h.Ordinal)), $"order differs for \"{question}\"");
            Assert.All(lucene.Zip(summed), x =>
            {
                Assert.Equal(x.First.Score, x.Second.Score, tolerance: 1e-4 * x.First.Score);
                Assert.Equal(x.First.Match, x.Second.Match, tolerance: 1e-4 * x.First.Match);
            });
        }
    }

    [Fact]
    public void Search_PhraseScoresReadAtBuild_EqualLuceneScoringTheSamePhrase()
    {
        var clauses = 0;
        var unions = 0;
        foreach (var question in EvaluationQuestions())
        {
            foreach (var (first, second, summed, lucene) in _index.PhraseClauses(_index.Analyze(question)))
            {
                clauses++;
                unions += first.Count > 1 || second.Count > 1 ? 1 : 0;
                for (var passage = 0; passage < lucene.Length; passage++)
                {
                    Assert.True(
                        lucene[passage] == summed[passage],
                        $"\"{question}\": [{string.Join(' ', first)}] [{string.Join(' ', second)}] in passage {passage} scores {summed[passage]}, Lucene {lucene[passage]}");
                }
            }
        }

        Assert.True(clauses > 2000 && unions > 200, $"{clauses} phrase clauses, {unions} with more than one stem to a word");
    }

    /// <summary>Every question of the development sets (the held-out ones included): about 1,300.</summary>
    private static List<string> EvaluationQuestions() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Guidance", "Eval"), "*.json")
            .Select(Path.GetFileName)
            .Where(f => f == "qa-dev.json" || f!.StartsWith("guidance-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => Load(f!))
            .Select(i => i.Question)];

    [Theory]
    [InlineData("borgarrad", "borgarråd")] // Snowball cuts "-ad" from the folded spelling only
    [InlineData("atkomstskydd", "åtkomstskydd")]
    [InlineData("sakerhetsansvarig", "säkerhetsansvarig")]
    public void Analyze_TypedWithoutDiacritics_FindsTheGuidancesOwnWord(string typed, string written)
    {
        var expected = _index.Analyze(written).Words.Single().Terms;

        Assert.NotEmpty(expected);
        Assert.Contains(expected[0], _index.Analyze(typed).Words.Single().Terms);
    }

    [Theory]
    [InlineData("vad innebar atkomstskydd")]
    [InlineData("vad menas med åtkomstskydd")]
    public void Analyze_AskingWhatAWordMeans_LeavesOnlyTheWord(string question) =>
        Assert.Equal(["åtkomstskydd"], _index.Analyze(question).Words.Select(w => w.Text.Replace("atkomstskydd", "åtkomstskydd", StringComparison.Ordinal)));

    [Fact]
    public void Load_ShippedQuestions_AttachToPassages_AndBringNoNumberOrAddressTheirPassageLacks()
    {
        var passages = GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath);

        Assert.True(passages.Count(p => p.Questions.Count > 0) >= 100, "most passages have the questions members ask about them");
        Assert.All(passages.SelectMany(p => p.Questions.Select(q => (Passage: p, Question: q))), x =>
        {
            Assert.DoesNotContain("@", x.Question, StringComparison.Ordinal);
            foreach (var number in Digits().Matches(x.Question).Select(m => m.Value))
            {
                Assert.True(Space().Replace(x.Passage.Text, string.Empty).Contains(Space().Replace(number, string.Empty), StringComparison.Ordinal), $"\"{x.Question}\" names {number}, which its passage does not");
            }
        });
    }

    /// <summary>A phone number's worth of digits (five or more, spaces and dashes between): years and sections are not.</summary>
    [GeneratedRegex(@"\d(?:[ -]?\d){4,}")]
    private static partial Regex Digits();

    private static string Fold(string s) => Space().Replace(s, " ").Trim().ToLowerInvariant();

    private static List<Item> Load(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Guidance", "Eval", file)));
        return doc.RootElement.EnumerateArray().Select(e => new Item(
            e.GetProperty("id").GetString()!,
            e.GetProperty("question").GetString()!,
            e.TryGetProperty("expect_any", out var x) ? x.EnumerateArray().Select(v => v.GetString()!).ToList() : [],
            e.TryGetProperty("doc", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null)).ToList();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    private sealed record Item(string Id, string Question, List<string> ExpectAny, string? Doc);
}
