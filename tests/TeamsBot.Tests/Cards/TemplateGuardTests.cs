using System.Text.Json.Nodes;

namespace Trygg.Cards;

/// <summary>Every card template renders to a valid Adaptive Card 1.5 with its sample and with hostile data.</summary>
public sealed class TemplateGuardTests
{
    public static TheoryData<string> Templates => [.. CardTemplates.All().Select(CardTemplates.Relative)];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Expand_SampleAndHostileData_ValidCardWithNoBindingLeft(string template)
    {
        var path = Trygg.Testing.RepoPaths.Combine(template.Split('/'));
        var engine = new TemplateEngine(File.ReadAllText(path));
        var problems = new List<string>();
        foreach (var (label, data) in CardTemplates.Variants(CardTemplates.LoadSample(path)))
        {
            try
            {
                var card = JsonNode.Parse(engine.Expand(data)!.ToJsonString())!.AsObject();
                if (card["type"]?.GetValue<string>() != "AdaptiveCard" || card["version"]?.GetValue<string>() != "1.5")
                {
                    problems.Add($"{label}: not an AdaptiveCard with \"version\": \"1.5\"");
                }

                // Text from data may legitimately contain "${" (it is never evaluated); only the template's own must go.
                var dataHasBinding = data.ToJsonString().Contains("${", StringComparison.Ordinal);
                var leftover = dataHasBinding ? null : Strings(card).FirstOrDefault(s => s.Contains("${", StringComparison.Ordinal));
                if (leftover is not null)
                {
                    problems.Add($"{label}: unresolved binding in \"{leftover}\"");
                }
            }
            catch (TemplateException e)
            {
                problems.Add($"{label}: {e.Message}");
            }
        }

        Assert.True(problems.Count == 0, $"{template}:\n" + string.Join("\n", problems.Take(10)));
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };
}
