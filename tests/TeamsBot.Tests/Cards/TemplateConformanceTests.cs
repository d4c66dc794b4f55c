using System.Text.Json.Nodes;

namespace Trygg.Cards;

/// <summary>
/// Our engine must produce the same card as the official JS engine for every template in the repository, with its
/// sample data and with hostile variants of it. Node runs once, with every case in one batch.
/// </summary>
public sealed class TemplateConformanceTests
{
    private const string ProbesKey = "(probes)";

    private static readonly Lazy<Dictionary<string, List<Case>>> Results = new(RunAll);

    public static TheoryData<string> Templates => [.. CardTemplates.All().Select(CardTemplates.Relative)];

    [Fact]
    public void Templates_EachHasSampleData_InSamplesFolder()
    {
        var missing = CardTemplates.All()
            .Where(t => !File.Exists(CardTemplates.SamplePath(t)))
            .Select(t => $"{CardTemplates.Relative(t)} -> add {CardTemplates.Relative(CardTemplates.SamplePath(t))}")
            .ToList();

        Assert.True(missing.Count == 0, "Card templates without sample data:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Expand_ExpressionProbes_MatchOfficialEngine()
    {
        var mismatches = Results.Value[ProbesKey].Where(c => !c.Agrees).Select(c => $"{c.Label}: {c.Difference}").ToList();

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} probes differ from adaptivecards-templating:\n" + string.Join("\n", mismatches));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Expand_SampleAndHostileData_MatchesOfficialEngine(string template)
    {
        var mismatches = Results.Value[template]
            .Where(c => !c.Agrees)
            .Select(c => $"{c.Label}: {c.Difference}")
            .ToList();

        Assert.True(mismatches.Count == 0,
            $"{template}: {mismatches.Count} of {Results.Value[template].Count} cases differ from adaptivecards-templating:\n"
            + string.Join("\n", mismatches.Take(10)));
    }

    private static Dictionary<string, List<Case>> RunAll()
    {
        var pending = new List<(string Template, string Label, string Json, JsonNode Data)>();
        foreach (var path in CardTemplates.All())
        {
            var json = File.ReadAllText(path);
            pending.AddRange(CardTemplates.Variants(CardTemplates.LoadSample(path))
                .Select(v => (CardTemplates.Relative(path), v.Label, json, v.Data)));
        }

        pending.AddRange(OracleProbes.All().Select(p => (ProbesKey, p.Label, p.Template, JsonNode.Parse(p.Data)!)));
        var oracle = NodeOracle.Expand([.. pending.Select(p => (p.Json, (JsonNode?)p.Data))]);
        return pending.Select((p, i) => (p.Template, Case: Compare(p.Label, p.Json, p.Data, oracle[i])))
            .GroupBy(x => x.Template, x => x.Case)
            .ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>Agreement is deep JSON equality; both engines rejecting the input also agrees.</summary>
    private static Case Compare(string label, string template, JsonNode data, (JsonNode? Output, string? Error) oracle)
    {
        try
        {
            var ours = JsonNode.Parse(TemplateEngine.Expand(template, data.ToJsonString()));
            return oracle.Error is not null
                ? new Case(label, false, "oracle failed (" + oracle.Error + "), ours expanded")
                : new Case(label, JsonNode.DeepEquals(ours, oracle.Output), FirstDifference(ours, oracle.Output, "$"));
        }
        catch (TemplateException e)
        {
            return new Case(label, oracle.Error is not null, "ours threw (" + e.Message + "), oracle expanded");
        }
    }

    private static string FirstDifference(JsonNode? ours, JsonNode? oracle, string path)
    {
        switch (ours, oracle)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                {
                    if (!a.ContainsKey(key) || !b.ContainsKey(key))
                    {
                        return $"{path}.{key} is only in {(a.ContainsKey(key) ? "ours" : "the oracle's")}";
                    }

                    if (!JsonNode.DeepEquals(a[key], b[key]))
                    {
                        return FirstDifference(a[key], b[key], path + "." + key);
                    }
                }

                break;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                for (var i = 0; i < a.Count; i++)
                {
                    if (!JsonNode.DeepEquals(a[i], b[i]))
                    {
                        return FirstDifference(a[i], b[i], $"{path}[{i}]");
                    }
                }

                break;
        }

        return $"{path}: ours {ours?.ToJsonString() ?? "null"}, oracle {oracle?.ToJsonString() ?? "null"}";
    }

    private sealed record Case(string Label, bool Agrees, string Difference);
}
